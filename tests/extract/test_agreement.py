from __future__ import annotations


def test_signed_treaty(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iran and Belarus signed a defence treaty in Minsk last week.", "agreement")
    assert evs and set(evs[0].actors["parties"]) == {"IRN", "BLR"} and evs[0].stage == "signed"


def test_arms_deal_is_not_an_agreement(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Iran signed an arms deal with Belarus.", "agreement")
