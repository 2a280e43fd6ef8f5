from __future__ import annotations


def test_imposed_on_named_companies(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Japan imposed sanctions on two Chinese companies and Acme Trading on Friday.",
                 "sanction")
    assert evs and evs[0].actors["imposer"] == ("JPN",) and evs[0].stage == "imposed"


def test_threat_is_an_asserted_threat(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Britain will impose sanctions on Iranian firms that build drones.", "sanction")
    assert evs and evs[0].stage == "threatened" and evs[0].modality == "asserted"


def test_background_mention_is_not_an_event(events) -> None:  # type: ignore[no-untyped-def]
    assert not events("Existing U.N. sanctions on Iran have done little.", "sanction")
