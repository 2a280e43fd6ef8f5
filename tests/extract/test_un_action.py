from __future__ import annotations


def test_veto(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("China vetoed a U.N. Security Council resolution on Syria on Monday.", "un_action")
    assert evs and evs[0].actors["actor"] == ("CHN",)
    assert evs[0].actors["body"] == ("United Nations Security Council",)


def test_panel_report(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The UN panel of experts said in a report that Iran sent drones to Syria.",
                 "un_action")
    assert evs and evs[0].actors["actor"] == ("UN Panel of Experts",)
