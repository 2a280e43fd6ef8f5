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


def test_summit_talks_on_a_trip(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The regime's leader Kim Jong Un left for Russia for summit talks with Russian "
                 "President Vladimir Putin.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"PRK", "RUS"}


def test_talk_of_a_deal_is_no_meeting(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("There is talk of a deal between Russia and Iran.", "meeting")


def test_summit_described_by_a_copula(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Officials said the summit was a bilateral exchange between Russia and Iran.",
                 "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"RUS", "IRN"}


def test_a_vessel_visiting_is_no_meeting(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("A US nuclear-armed submarine visited South Korea on Tuesday.", "meeting")


def test_a_hyphenated_pair_names_both_states_and_no_third(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Meanwhile, the North Korea-Russia summit in September was held at a "
                 "cosmodrome.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"PRK", "RUS"}


def test_meetings_of_the_same_pair_in_different_months_stay_apart(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iranian President Ebrahim Raisi met Russian President Vladimir Putin in "
                 "Moscow in January. Raisi met Putin again in Tehran in May.", "meeting")
    assert sorted(str(e.date.value) for e in evs if e.date) == ["2021-01", "2021-05"]
    assert len({e.id for e in evs}) == 2


def test_mentions_of_one_meeting_in_one_month_merge(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iranian President Ebrahim Raisi met Russian President Vladimir Putin in "
                 "Moscow in January. Raisi and Putin also met at the Kremlin.", "meeting")
    assert len(evs) == 1 and len(evs[0].evidence) == 2


def test_discussing_with_officials_is_a_meeting(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Later that day, President Yoon discussed North Korean troop movements with "
                 "NATO officials.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"KOR", "NATO"}


def test_speaking_by_phone_is_a_meeting(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Vladimir Putin spoke with Kim Jong Un by phone on Tuesday.", "meeting")
    assert evs and set(evs[0].actors["participants"]) == {"RUS", "PRK"}


def test_discussing_without_a_partner_is_no_meeting(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Russia discussed the issue at length.", "meeting")
    assert not events("Analysts discussed the deal with reporters.", "meeting")
