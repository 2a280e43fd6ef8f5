from __future__ import annotations


def test_signed_treaty(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iran and Belarus signed a defence treaty in Minsk last week.", "agreement")
    assert evs and set(evs[0].actors["parties"]) == {"IRN", "BLR"} and evs[0].stage == "signed"


def test_arms_deal_is_not_an_agreement(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Iran signed an arms deal with Belarus.", "agreement")


def test_a_pledge_not_to_sign_is_no_agreement(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Moscow and Pyongyang pledged not to sign any agreements with third "
                      "parties.", "agreement")


def test_he_is_the_person_named_before(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Officials noted Kim Jong Un's ratification of a treaty that he signed with "
                 "Russian President Vladimir Putin.", "agreement")
    assert evs and set(evs[0].actors["parties"]) == {"PRK", "RUS"}


def test_the_signing_clause_dates_the_treaty(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("A day after the vote, officials noted Kim Jong Un's ratification of a treaty "
                 "that he signed with Russian President Vladimir Putin in June.", "agreement",
                 published="2024-11-13")
    assert evs and evs[0].date is not None and evs[0].date.value == "2024-06"
