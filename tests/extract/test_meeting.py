from __future__ import annotations


def test_leaders_met(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Japanese Prime Minister Fumio Kishida met Chinese President Xi Jinping in "
                 "Beijing on Tuesday.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"JPN", "CHN"}
    assert evs[0].stage == "held" and evs[0].date is not None
    assert evs[0].date.value == "2021-06-08"


def test_summit_noun_with_modifiers(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The Iran-Belarus summit in Minsk ended without a statement.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"IRN", "BLR"}


def test_planned_visit_is_not_held(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Xi Jinping will visit Tehran next month.", "meeting")
