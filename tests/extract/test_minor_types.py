"""recognition, diplomatic_protest, interdiction."""

from __future__ import annotations



def test_recognition(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Syria recognized the independence of Abkhazia in 2018.", "recognition")
    assert evs and evs[0].actors["recognizer"] == ("SYR",)


def test_summoned_ambassador(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Japan summoned the Chinese ambassador on Monday.", "diplomatic_protest")
    assert evs and evs[0].actors["actor"] == ("JPN",) and evs[0].actors["target"] == ("CHN",)


def test_condemnation_is_not_a_protest(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Japan condemned China's statement.", "diplomatic_protest")


def test_interdiction(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The Japanese coast guard seized a tanker carrying oil for North Korea.",
                 "interdiction")
    assert evs and evs[0].actors["actor"] == ("JPN",)
