from __future__ import annotations


def test_denied_reports(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Belarus and Iran have denied the reports of drone shipments.", "denial")
    assert {a for e in evs for a in e.actors["actor"]} == {"BLR", "IRN"}
    assert all(e.actors["denied"] == ("arms_transfer",) for e in evs)
    assert all(e.polarity == "positive" for e in evs)


def test_called_groundless_by_a_speaker(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("China said claims that its soldiers were deployed to Syria were groundless.",
                 "denial")
    assert evs and evs[0].actors["actor"] == ("CHN",)
    assert evs[0].actors["denied"] == ("troop_deployment",)


def test_did_not_deny_is_negative(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("The Chinese president did not deny that Chinese troops were in Syria.", "denial")
    assert evs and evs[0].polarity == "negative"


def test_coordinated_denials_are_each_positive(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iran has denied sending drones to Russia, and the Kremlin has denied using "
                 "Iranian drones.", "denial")
    assert evs and all(e.polarity == "positive" for e in evs)
    assert {a for e in evs for a in e.actors["actor"]} == {"IRN", "RUS"}


def test_a_person_introduced_with_a_role_denies_for_their_state(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Iran's foreign minister Hossein Karimi spoke on Monday. Karimi denied Tehran "
                 "was supplying drones to Moscow.", "denial")
    assert evs and evs[0].actors["actor"] == ("IRN",)
