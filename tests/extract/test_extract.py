"""The orchestrator: merging mentions (SPEC §5 rule 1) and selective parsing."""

from __future__ import annotations

from tripwire.extract import analyse, merge, parse
from tripwire.model import Attribution, Document, Event, EventDate, Evidence
from tripwire.nlp import load

_PAIR = {"supplier": ("PRK",), "recipient": ("RUS",)}


def _event(start: int, text: str, stage: str, date: EventDate | None,
           attribution: tuple[Attribution, ...] = ()) -> Event:
    return Event(id=f"e{start}", doc="t", type="arms_transfer", stage=stage, actors=_PAIR,
                 date=date, attribution=attribution,
                 evidence=(Evidence(start, start + len(text), text),))


def test_merged_date_comes_from_the_mention_that_states_it() -> None:
    fallback = EventDate("on Monday", "2023-09-04", "day")  # not in the first sentence
    stated = EventDate("in August", "2023-08", "month")
    merged = merge([
        _event(0, "Pyongyang ships shells to Moscow.", "delivered", fallback),
        _event(40, "In August the first trains carried shells to Russia.", "delivered", stated),
    ])
    assert len(merged) == 1
    assert merged[0].date == stated
    assert len(merged[0].evidence) == 2


def test_merged_date_prefers_the_finer_stated_date() -> None:
    year = EventDate("this year", "2023", "year")
    day = EventDate("on 5 October", "2023-10-05", "day")
    merged = merge([
        _event(0, "This year the North sent shells to Russia.", "delivered", year),
        _event(50, "A train left on 5 October with shells for Russia.", "delivered", day),
    ])
    assert merged[0].date == day


def test_merged_date_is_the_acts_rather_than_a_finer_disclosure_date() -> None:
    said = EventDate("on Thursday", "2022-12-22", "day")  # when it was said
    shipped = EventDate("last month", "2022-11", "month")  # when it was done
    first = _event(0, "Kirby said on Thursday that the North sent rockets.", "delivered", said)
    second = _event(60, "The North shipped rockets to Russia last month.", "delivered", shipped)
    merged = merge([first, second], acts={(second.id, 60)})
    assert merged[0].date == shipped
    assert merge([first, second])[0].date == said  # with nothing known of acts: the finer


def test_an_end_to_end_act_date_beats_the_disclosure() -> None:
    text = ("U.S. official John Kirby said on Thursday that North Korea delivered rockets to "
            "Russia. North Korea last month shipped rockets to Russia, he said.")
    doc = Document(id="t", text=text, published="2022-12-23")
    [ev] = [e for e in analyse(doc, load()).events if e.type == "arms_transfer"]
    assert ev.date is not None and ev.date.value == "2022-11"


def test_undated_mentions_leave_the_date_of_the_dated_one() -> None:
    dated = EventDate("in May", "2023-05", "month")
    merged = merge([_event(0, "Shells went to Russia.", "delivered", None),
                    _event(30, "In May shells went to Russia.", "delivered", dated)])
    assert merged[0].date == dated


def test_merged_attribution_is_the_union_without_duplicates() -> None:
    kirby = Attribution("Jane Roe", "spokeswoman", "USA", "official")
    intel = Attribution(None, None, "KOR", "intelligence")
    merged = merge([_event(0, "a.", "delivered", None, (kirby,)),
                    _event(10, "b.", "delivered", None, (intel, kirby))])
    assert set(merged[0].attribution) == {kirby, intel}
    assert len(merged[0].attribution) == 2


def test_parse_keeps_offsets_and_runs_ner_only_where_names_are_unknown() -> None:
    text = ("The weather was mild in the valley.\n"
            "North Korea sent artillery shells to Russia, Jane Roe said on Tuesday.\n"
            "Roe added that the shipments continued.")
    doc = parse([Document(id="t", text=text)], load())[0]
    assert doc.text == text
    persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Jane Roe" in persons


def test_relevance_keywords_match_inflections_and_neighbours_need_a_cue() -> None:
    from tripwire.extract import relevance

    assert relevance.has_keyword("Both capitals denied it.", frozenset({"deny"}))
    text = ("The weather was mild. Cuba sent rifles to Venezuela. The sea was calm. "
            "Cuba shipped rifles to Venezuela. It was the second shipment, officials said.")
    sentences = relevance.split(text)
    chosen = relevance.select(text, sentences, frozenset({"sent", "ship"}))
    picked = [text[sentences[i].start : sentences[i].end].strip() for i in sorted(chosen)]
    assert "The weather was mild." not in picked  # a neighbour without a source or subject cue
    assert "It was the second shipment, officials said." in picked


def test_context_sentences_are_built_once() -> None:
    from tripwire.extract.actors import resolver
    from tripwire.extract.base import Context
    from tripwire.nlp import gazetteer

    document = Document(id="t", text="Cuba sent rifles to Venezuela. It was the second time.")
    doc = parse([document], load())[0]
    ctx = Context(document=document, doc=doc, gazetteer=gazetteer.load(), actors=resolver())
    sents = ctx.sentences()
    assert ctx.sentences() is sents and len(sents) == 2
    assert ctx.sentence_index(sents[1]) == 1
    assert [s.text for s in ctx.neighbours(sents[1])] == [sents[0].text]


def test_a_rule_reads_a_sentence_whose_trigger_is_an_irregular_form() -> None:
    """The per-rule keyword gate reads lemmas too: "lent" starts with no transfer keyword, its
    lemma "lend" does."""
    from tripwire.extract import relevance
    from tripwire.extract.base import discover_rules

    text = "Moscow lent Tehran four helicopters, and Iran denied it."
    transfers = [r for r in discover_rules() if r.type == "arms_transfer"]
    assert transfers and not relevance.has_keyword(text, transfers[0].keywords)
    events = analyse(Document(id="t", text=text, published="2023-10-14"), load()).events
    assert any(e.type == "arms_transfer" and dict(e.actors) == {"supplier": ("RUS",),
               "recipient": ("IRN",)} for e in events)
