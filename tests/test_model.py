"""The record model: ids from content, round trips through the export shape."""

from __future__ import annotations

from tripwire.model import Attribution, Event, EventDate, Item, Quantity, event_id, make_id


def sample() -> Event:
    return Event(
        id=event_id("d1", "arms_transfer", {"supplier": ["PRK"]}, "delivered", "positive"),
        doc="d1",
        type="arms_transfer",
        stage="delivered",
        actors={"supplier": ("PRK",), "recipient": ("RUS",)},
        items=(Item("shells", "artillery_ammunition"),),
        quantity=Quantity("more than 1,000 containers", 1000, None, "containers"),
        date=EventDate("Friday", "2023-10-13", "day"),
        attribution=(
            Attribution("John Kirby", "NSC spokesman", "USA", "official"),
            Attribution("The Daily Example", None, "USA", "media"),
        ),
    )


def test_export_shape_keeps_nested_fields() -> None:
    d = sample().to_dict()
    assert d["kind"] == "event"
    assert [a["kind"] for a in d["attribution"]] == ["official", "media"]
    assert d["items"] == [{"text": "shells", "category": "artillery_ammunition"}]
    assert "kind" not in d["date"] and "kind" not in d["quantity"]


def test_round_trip() -> None:
    ev = sample()
    assert Event.from_dict(ev.to_dict()) == ev


def test_ids_are_stable_and_content_derived() -> None:
    assert make_id("ev", "a", 1) == make_id("ev", "a", 1) != make_id("ev", "a", 2)
    assert event_id(
        "d", "meeting", {"participants": ["RUS", "PRK"]}, "held", "positive"
    ) == event_id("d", "meeting", {"participants": ["PRK", "RUS"]}, "held", "positive")
