"""recognition, diplomatic_protest, interdiction."""

from __future__ import annotations


def test_recognition(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Syria recognized the independence of Abkhazia in 2018.", "recognition")
    assert evs and evs[0].actors["recognizer"] == ("SYR",)
    assert evs[0].actors["recognized"] == ("Republic of Abkhazia",)


def test_recognized_republics_take_canonical_names(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Syria recognized the Moscow-backed Donetsk and Luhansk People's Republics "
                 "in eastern Ukraine.", "recognition")
    assert evs and set(evs[0].actors["recognized"]) == {
        "Donetsk People's Republic", "Luhansk People's Republic"}


def test_recognized_place_on_the_verb(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Syria is among the states that have recognized the so-called republics in "
                 "Donetsk and Luhansk.", "recognition")
    assert evs and "RUS" not in evs[0].actors["recognized"]
    assert "Donetsk People's Republic" in evs[0].actors["recognized"]


def test_summoned_ambassador(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Japan summoned the Chinese ambassador on Monday.", "diplomatic_protest")
    assert evs and evs[0].actors["actor"] == ("JPN",) and evs[0].actors["target"] == ("CHN",)


def test_condemnation_is_not_a_protest(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Japan condemned China's statement.", "diplomatic_protest")


def test_interdiction(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The Japanese coast guard seized a tanker carrying oil for North Korea.",
                 "interdiction")
    assert evs and evs[0].actors["actor"] == ("JPN",)


def test_summoned_ambassador_named(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("South Korea summoned Russian Ambassador Andrei Kulik on Tuesday.",
                 "diplomatic_protest")
    assert evs and evs[0].actors["actor"] == ("KOR",) and evs[0].actors["target"] == ("RUS",)
