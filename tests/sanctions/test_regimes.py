from tripwire.model import Event, EventDate, Item
from tripwire.sanctions.regimes import annotate, check_event

ARTILLERY = Event(id="e1", doc="d", type="arms_transfer", stage="delivered",
                  polarity="positive", modality="asserted",
                  actors={"supplier": ("PRK",), "recipient": ("RUS",)},
                  items=(Item("artillery shells", "artillery_ammunition"),),
                  date=EventDate("October 2023", "2023-10", "month"))


def test_dprk_artillery_to_russia_breaches_1718_and_1874() -> None:
    (v,) = check_event(ARTILLERY)
    assert v.regime == "UNSCR 1718 (DPRK)"
    assert "1718 para 8(b)" in v.provision and "1874" in v.provision


def test_speculative_hypothetical_and_negative_events_get_none() -> None:
    for change in ({"modality": "speculative"}, {"modality": "hypothetical"},
                   {"polarity": "negative"}):
        assert check_event(ARTILLERY.replace(**change)) == ()


def test_a_denial_never_clears_the_flag() -> None:
    denial = Event(id="e2", doc="d", type="denial", stage="held",
                   actors={"actor": ("RUS",), "denied": ("arms_transfer",)})
    flagged, denied = annotate([ARTILLERY, denial])
    assert flagged.violations and denied.violations == ()


def test_goods_rules() -> None:
    oil = Event(id="e3", doc="d", type="goods_transfer", stage="delivered",
                actors={"supplier": ("RUS",), "recipient": ("PRK",)},
                items=(Item("a million barrels of oil", "energy"),))
    coal = oil.replace(actors={"supplier": ("PRK",), "recipient": ("CHN",)},
                       items=(Item("coal", "other"),))
    early = coal.replace(date=EventDate("2015", "2015", "year"))
    assert "2397" in check_event(oil)[0].provision
    assert "2371 para 8" in check_event(coal)[0].provision
    assert check_event(early) == ()


COAL = Event(id="e4", doc="d", type="goods_transfer", stage="delivered", polarity="positive",
             modality="asserted", actors={"supplier": ("PRK",), "recipient": ("CHN",)},
             items=(Item("coal", "other"),), date=EventDate("March 2019", "2019-03", "month"))
PETROLEUM = Event(id="e5", doc="d", type="goods_transfer", stage="delivered",
                  polarity="positive", modality="asserted",
                  actors={"supplier": ("RUS",), "recipient": ("PRK",)},
                  items=(Item("refined petroleum", "energy"),),
                  date=EventDate("2018", "2018", "year"))


def test_annotate_flags_coal_from_and_petroleum_to_the_dprk() -> None:
    coal, oil = annotate([COAL, PETROLEUM])
    (v,) = coal.violations
    assert v.provision == "UNSCR 2371 para 8" and "coal" in v.why
    (w,) = oil.violations
    assert "2397 para" in w.provision and "500,000 barrels" in w.why
    assert "RUS -> PRK" in w.why


def test_annotate_leaves_unasserted_and_negative_reports_unflagged() -> None:
    for event in (COAL, PETROLEUM, ARTILLERY):
        for change in ({"modality": "speculative"}, {"modality": "hypothetical"},
                       {"polarity": "negative"}):
            (out,) = annotate([event.replace(**change)])
            assert out.violations == (), (event.id, change)


def test_goods_rules_need_the_dprk_in_the_right_role() -> None:
    reversed_coal = COAL.replace(actors={"supplier": ("CHN",), "recipient": ("PRK",)})
    oil_from_prk = PETROLEUM.replace(actors={"supplier": ("PRK",), "recipient": ("RUS",)})
    assert annotate([reversed_coal, oil_from_prk]) == (reversed_coal, oil_from_prk)
