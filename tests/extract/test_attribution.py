"""Sources of claims: speech frames, short-name coreference, neighbours, the outlet rule."""

from __future__ import annotations

import pytest

from tripwire.extract.attribution import attribute, find_quotes, source_map
from tripwire.model import Document
from tripwire.nlp import load


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load()


class _Ctx:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.cache: dict[str, object] = {}


def _run(nlp, text: str, outlet: str | None = None):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, outlet=outlet, published="2021-05-05")
    doc = nlp(text)
    return doc, document, _Ctx(document)


def test_said_with_role_and_coreference(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "Kremlin spokesman Dmitry Peskov said Moscow had no such plans. "
                            "The claims are baseless, Peskov said on Monday.")
    sents = list(doc.sents)
    first = attribute(sents[0], ctx)
    assert first[0].name == "Dmitry Peskov" and first[0].country == "RUS"
    assert first[0].kind == "official" and "spokesman" in (first[0].role or "")
    second = attribute(sents[1], ctx)
    assert second[0].name == "Dmitry Peskov" and second[0].role == first[0].role


def test_according_to_an_unnamed_official(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "Ruritania bought shells from Freedonia, according to a U.S. official.")
    att = attribute(next(doc.sents), ctx)
    assert att and att[0].country == "USA" and att[0].kind == "official" and att[0].name is None


def test_intelligence_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "South Korea's spy agency said Ruritania sent troops to Freedonia.")
    att = attribute(next(doc.sents), ctx)
    assert att and att[0].country == "KOR" and att[0].kind == "intelligence"


def test_media_source_and_the_outlet_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania received rockets from Freedonia, Reuters reported."
    doc, _, ctx = _run(nlp, text)
    att = attribute(next(doc.sents), ctx)
    assert att and att[0].name == "Reuters" and att[0].kind == "media" and att[0].country == "GBR"
    doc, _, ctx = _run(nlp, text, outlet="Reuters")
    assert all(a.name != "Reuters" for a in attribute(next(doc.sents), ctx))


def test_attribution_from_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "The shipments began in March. The Pentagon said the deliveries "
                            "continued.")
    sents = list(doc.sents)
    att = attribute(sents[0], ctx)
    assert att and att[0].country == "USA"


def test_pronoun_resolves_to_last_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "Japanese Foreign Minister Taro Sato spoke on Friday. "
                            "He said the sanctions would take effect at once.")
    att = attribute(list(doc.sents)[1], ctx)
    assert att and att[0].name == "Taro Sato" and att[0].country == "JPN"


def test_find_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('“We will never accept these baseless claims,” Iranian Foreign Minister Ali Karimi '
            "said. "
            "Karimi said that the drones were sent before the war.")
    doc, document, _ = _run(nlp, text)
    quotes = find_quotes(doc, document)
    direct = [q for q in quotes if q.direct]
    indirect = [q for q in quotes if not q.direct]
    assert direct and direct[0].speaker_name == "Ali Karimi" and direct[0].speaker_country == "IRN"
    assert text[direct[0].evidence_start:direct[0].evidence_end] == direct[0].text
    assert indirect and indirect[0].speaker_name == "Ali Karimi"
    assert "drones were sent" in indirect[0].text


def test_map_is_memoised(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, document, ctx = _run(nlp, "Officials said so.")
    assert source_map(doc, document, ctx.cache) is source_map(doc, document, ctx.cache)


def test_first_state_in_a_possessive_role_wins(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "North Korea’s vice director of the Ministry of National Defense "
                            "said Ruritania never bought shells.")
    att = attribute(next(doc.sents), ctx)
    assert att and att[0].country == "PRK"


def test_accusations_from_states(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "The move follows accusations from the United States and Japan that "
                            "Ruritania is supplying Freedonia with shells.")
    countries = {a.country for a in attribute(next(doc.sents), ctx)}
    assert {"USA", "JPN"} <= countries


def test_a_document_seen_by_an_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "Monitors told a committee, in a report seen by Reuters, that "
                            "Ruritania fired a Freedonian missile.")
    att = attribute(next(doc.sents), ctx)
    assert any(a.name == "Reuters" and a.country == "GBR" for a in att)


def test_adding_keeps_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, "Japanese Foreign Minister Taro Yamada said that the transfer of "
                            "shells violates the embargo, adding the transfer could worsen "
                            "the war.")
    att = attribute(next(doc.sents), ctx)
    assert att and all(a.country == "JPN" for a in att)


def _first(nlp, text: str, outlet: str | None = None):  # type: ignore[no-untyped-def]
    doc, _, ctx = _run(nlp, text, outlet)
    att = attribute(list(doc.sents)[0], ctx)
    assert att, text
    return att[0]


@pytest.mark.parametrize(("text", "kind", "country"), [
    ("The Daily Herald reported that Ruritania had shipped rifles to Freedonia.", "media", None),
    ("Yonhap News Agency reported that the convoy crossed the border on Monday.", "media", "KOR"),
    ("According to The New York Times, the rockets were loaded at a northern port.", "media",
     "USA"),
    ("Declassified U.S. intelligence shows that the crates held artillery rounds.",
     "intelligence", "USA"),
    ("South Korea's spy agency said the shipments continued through the winter.",
     "intelligence", "KOR"),
    ("A senior U.S. official said the deliveries had begun in August.", "official", "USA"),
    ("Two Iranian diplomats told reporters that no drones had been sold.", "official", "IRN"),
    ("The White House said the transfers violated several resolutions.", "government", "USA"),
    ("Japan's Foreign Ministry said it had lodged a protest.", "government", "JPN"),
    ("Analysts said the shells were probably old stock.", "expert", None),
    ("A source familiar with the matter said the ship left at night.", "unnamed", None),
])
def test_source_kinds(nlp, text: str, kind: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    att = _first(nlp, text)
    assert att.kind == kind, (text, att)
    if country is not None:
        assert att.country == country, (text, att)


def test_role_and_name_of_a_source_without_a_person_entity(nlp) -> None:  # type: ignore[no-untyped-def]
    from tripwire.extract.attribution import _named

    assert _named("Kremlin spokesman Dmitry Peskov") == ("Dmitry Peskov", "Kremlin spokesman")
    assert _named("U.S. Secretary of State Jane Roe") == ("Jane Roe", "U.S. Secretary of State")
    assert _named("Jane Roe, a senior analyst at the Example Institute") == (
        "Jane Roe", "senior analyst at the Example Institute")
    assert _named("US Treasury Department's Office of Foreign Assets Control") is None
    assert _named("South Korea's Defence Ministry") is None


def test_named_people_get_the_kind_of_their_role(nlp) -> None:  # type: ignore[no-untyped-def]
    att = _first(nlp, "Jane Roe, a senior fellow at a Washington think tank, said the rockets "
                      "were North Korean.")
    assert att.name == "Jane Roe" and att.kind == "expert"
    att = _first(nlp, "Russian Deputy Foreign Minister Sergei Ryabkov said no arms were bought.")
    assert att.kind == "official" and att.country == "RUS" and "Minister" in (att.role or "")


def test_intelligence_service_gives_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    att = _first(nlp, "CIA Director Jane Roe said Ruritania had bought drones from Freedonia.")
    assert att.kind == "intelligence" and att.country == "USA"


def test_a_media_word_naming_no_outlet_is_unnamed(nlp) -> None:  # type: ignore[no-untyped-def]
    att = _first(nlp, "Earlier reports said Ruritania had bought drones from Freedonia.")
    assert att.kind == "unnamed"


def test_surname_of_a_person_introduced_before(nlp) -> None:  # type: ignore[no-untyped-def]
    from tripwire.extract.attribution import Person, SourceMap, _person_in

    doc = nlp("Zorbatian claimed Ruritania had sold rifles to Freedonia.")
    smap = SourceMap()
    smap.people["zorbatian"] = Person("Ilya Zorbatian", "foreign minister of Iran", "IRN")
    found = _person_in(list(doc[:1]), smap)
    assert found is not None and found[0].name == "Ilya Zorbatian" and found[0].country == "IRN"
