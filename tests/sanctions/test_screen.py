from tripwire.model import Entity
from tripwire.sanctions import screen_entities
from tripwire.sanctions.index import ScreeningIndex


def test_kang_soon_nam_screens_to_the_eu_listing(index: ScreeningIndex) -> None:
    top = index.screen("Kang Soon-nam", "Person", limit=3)[0]
    assert top.list.startswith("EU 2014/269") and top.name == "Kang Sun NAM"
    assert top.score >= 0.9 and "korean" in top.explanation


def test_acronym_and_imo_find_their_entries(index: ScreeningIndex) -> None:
    assert any(m.entry_id == "KPe.001" for m in index.screen("KOMID", "Organization"))
    exact = [m for m in index.screen("IMO 7937317", "Vessel") if m.score == 1.0]
    assert "CHONG CHON GANG" in {m.name for m in exact}
    assert all("IMO 7937317" in m.explanation for m in exact)


def test_screen_entities_fills_sanctions_for_people_only(index: ScreeningIndex) -> None:
    people = (Entity(id="p", name="Kang Soon-nam", type="person"),
              Entity(id="c", name="North Korea", type="country"),
              Entity(id="q", name="Patricia Lucas Wheeler", type="person"))
    out = screen_entities(people, index)
    assert any(s.name == "Kang Sun NAM" for s in out[0].sanctions)
    assert out[1].sanctions == () and out[2].sanctions == ()


def test_state_metonyms_are_not_screened_as_firms(index: ScreeningIndex) -> None:
    """A capital or a government body names the state acting; a listed firm that shares a word
    with it ("Washington ... Ltd") is no match. A leader is a person and is screened."""
    ents = (Entity(id="w", name="Washington", type="organization"),
            Entity(id="f", name="Russian forces", type="organization"),
            Entity(id="k", name="KOMID", type="organization"),
            Entity(id="l", name="Kim Jong Un", type="person"))
    out = screen_entities(ents, index)
    assert out[0].sanctions == () and out[1].sanctions == ()
    assert out[2].sanctions and out[3].sanctions
