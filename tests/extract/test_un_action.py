from __future__ import annotations


def test_veto(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("China vetoed a U.N. Security Council resolution on Syria on Monday.", "un_action")
    assert evs and evs[0].actors["actor"] == ("CHN",)
    assert evs[0].actors["body"] == ("United Nations Security Council",)


def test_panel_report(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The UN panel of experts said in a report that Iran sent drones to Syria.",
                 "un_action")
    assert evs and evs[0].actors["actor"] == ("UN Panel of Experts",)


def test_a_veto_still_to_come_is_not_held(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Russia will use its veto at the U.N. Security Council to block any "
                      "resolution.", "un_action")


def test_a_council_meeting_set_for_later(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("The envoy said she would raise the issue at the UNSC meeting set for next "
                      "Wednesday.", "un_action")


def test_an_expert_who_served_on_the_panel_is_not_the_panel(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Ruritania's purchase is a violation, said Jane Doe, an expert who served "
                      "on a U.N. panel monitoring sanctions.", "un_action")


def test_what_a_veto_does_not_do_leaves_it_asserted(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Moscow's veto at the Security Council does not remove the sanctions.",
                 "un_action")
    assert evs and all(e.polarity == "positive" for e in evs)
