"""Date expressions resolved against the publication date (SPEC §5 rule 3)."""

from __future__ import annotations

import pytest

from tripwire.extract.dates import find_dates, is_own, parse_date, resolve_date
from tripwire.nlp import load


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("On the 4th (local time), officials said", "2021-03-09", "2021-03-04", "day"),
        ("on the 28th (local time)", "2021-03-09", "2021-02-28", "day"),
        ("Tuesday", "2021-03-11", "2021-03-09", "day"),
        ("on Thursday", "2021-03-11", "2021-03-11", "day"),
        ("last week", "2021-03-11", "2021-03-01", "week"),
        ("earlier this week", "2021-03-13", "2021-03-08", "week"),
        ("last month", "2021-03-11", "2021-02", "month"),
        ("earlier this month", "2021-03-11", "2021-03", "month"),
        ("in April this year", "2021-06-02", "2021-04", "month"),
        ("in November", "2021-02-02", "2020-11", "month"),
        ("Aug. 3", "2021-08-20", "2021-08-03", "day"),
        ("On December 30", "2021-01-15", "2020-12-30", "day"),
        ("on March 2, 2019", None, "2019-03-02", "day"),
        ("on 4 July", "2021-07-20", "2021-07-04", "day"),
        ("the 2nd of last month", "2021-05-20", "2021-04-02", "day"),
        ("2019.4.17", None, "2019-04-17", "day"),
        ("in 2015", None, "2015", "year"),
        ("last year", "2021-05-20", "2020", "year"),
        ("yesterday", "2021-05-20", "2021-05-19", "day"),
        ("between May 3 and June 9", "2021-07-01", "2021-05", "month"),
        ("since October 2020", None, "2020-10", "month"),
        ("in recent weeks", "2021-05-20", "2021-05", "month"),
        ("three days ago", "2021-05-20", "2021-05-17", "day"),
    ],
)
def test_parse_date(text: str, published: str | None, value: str, precision: str) -> None:
    date = parse_date(text, published)
    assert date is not None
    assert (date.value, date.precision) == (value, precision)


def test_month_precision_publication_coarsens_relative_days() -> None:
    date = parse_date("on Monday", "2021-03")
    assert date is not None and (date.value, date.precision) == ("2021-03", "month")


@pytest.mark.parametrize("text", ["Talks may resume", "the 15 members", "He met 2,000 people",
                                  "Troops march on", "nothing here"])
def test_no_date(text: str) -> None:
    assert parse_date(text, "2021-03-11") is None


def test_relative_without_publication_is_unresolved() -> None:
    assert parse_date("last week", None) is None


def test_a_named_month_governs_a_bare_ordinal() -> None:
    found = find_dates("He left in August and met the minister on the 9th.", "2021-10-02")
    assert found[-1].date.value == "2021-08-09"


def test_resolve_prefers_the_trigger_clause() -> None:
    nlp = load()
    doc = nlp("On Monday, the ministry said that Ruritania delivered the shells in May.")
    sent = next(doc.sents)
    trigger = next(t for t in doc if t.lemma_ == "deliver")
    date = resolve_date(sent, "2021-06-09", trigger)
    assert date is not None and date.value == "2021-05"


def test_resolve_falls_back_to_the_disclosure_date() -> None:
    nlp = load()
    doc = nlp("On the 6th (local time), the ministry confirmed that Ruritania asked for shells.")
    sent = next(doc.sents)
    trigger = next(t for t in doc if t.lemma_ == "ask")
    date = resolve_date(sent, "2021-06-09", trigger)
    assert date is not None and date.value == "2021-06-06"


def test_without_dates_the_article_is_the_disclosure() -> None:
    nlp = load()
    doc = nlp("Ruritania delivered the shells.")
    date = resolve_date(next(doc.sents), "2021-06-09", doc[1])
    assert date is not None and (date.value, date.precision) == ("2021-06-09", "day")
    assert not is_own(date, doc.text)
    assert resolve_date(next(doc.sents), None, doc[1]) is None


def test_a_day_after_is_anchored_on_the_other_date() -> None:
    found = find_dates("Ruritania said on Thursday, a day after the envoys met, that it agreed.",
                       "2021-03-13")
    assert [d.date.value for d in found] == ["2021-03-11", "2021-03-10"]


@pytest.mark.parametrize("text", ["over the past year", "in the last two months",
                                  "during the past few weeks"])
def test_stretches_of_time_are_vague(text: str) -> None:
    found = find_dates(f"Ruritania sold shells {text}.", "2021-03-13")
    assert found and all(d.vague for d in found)


def _sents(text: str) -> list:  # type: ignore[type-arg]
    return list(load()(text).sents)


def test_a_date_of_another_event_yields_to_the_news_peg() -> None:
    sents = _sents("Ruritania's foreign ministry said on Tuesday that talks had stalled. "
                   "Ruritania began shipping shells after the summit held last month.")
    trigger = next(t for t in sents[1] if t.text == "shipping")
    date = resolve_date(sents[1], "2021-03-11", trigger)
    assert date is not None and date.value == "2021-03-09"


def test_a_scheduled_date_is_not_the_event_date() -> None:
    sents = _sents("The ministry said it would impose sanctions on the firms next week.")
    trigger = next(t for t in sents[0] if t.lemma_ == "impose")
    date = resolve_date(sents[0], "2021-03-11", trigger)
    assert date is not None and date.value == "2021-03-11"  # the disclosure: the article's date


def test_bylines_are_not_the_news_peg() -> None:
    sents = _sents("Posted March 3, 2021. Ruritania delivered the shells to Freedonia.")
    trigger = next(t for t in sents[-1] if t.lemma_ == "deliver")
    date = resolve_date(sents[-1], "2021-03", trigger)
    assert date is not None and (date.value, date.precision) == ("2021-03", "month")


def test_without_publication_a_written_year_gives_day_months_their_year() -> None:
    sents = _sents("The envoy had said in February 2024 that talks were stalled. "
                   "Ruritania imposed sanctions on the firms on March 27.")
    trigger = next(t for t in sents[-1] if t.lemma_ == "impose")
    date = resolve_date(sents[-1], None, trigger)
    assert date is not None and date.value == "2024-03-27"
    weekday = _sents("Ruritania imposed sanctions on Tuesday, a year after May 2023.")
    trigger = next(t for t in weekday[0] if t.lemma_ == "impose")
    date = resolve_date(weekday[0], None, trigger)
    assert date is None or date.text != "on Tuesday"


def test_the_full_stop_after_a_month_ends_the_sentence() -> None:
    found = find_dates("They signed it in June.", "2024-11-13")
    assert found[0].date.text == "in June"
    assert find_dates("They met in Sept.", "2024-11-13")[0].date.text == "in Sept."


def test_the_nearest_governing_clause_dates_the_claim() -> None:
    sents = _sents("Ruritania said on Thursday that it wanted closer ties, a day after Japan "
                   "condemned what it called shell supplies to Ruritania.")
    trigger = next(t for t in sents[0] if t.text == "supplies")
    date = resolve_date(sents[0], "2023-10-27", trigger)
    assert date is not None and date.value == "2023-10-25"


def test_the_news_peg_prefers_a_reported_claim_over_a_caption() -> None:
    sents = _sents("Citizens visit the portraits of the late leaders in the capital on Tuesday. "
                   "The ministry said on Friday that Ruritania had delivered shells to Freedonia. "
                   "Freedonia is seeking aircraft from Ruritania in return.")
    trigger = next(t for t in sents[-1] if t.text == "seeking")
    date = resolve_date(sents[-1], "2023-10-13", trigger)
    assert date is not None and date.value == "2023-10-13"


def _sentence_with(doc, word: str):  # type: ignore[no-untyped-def]
    tok = next(t for t in doc if t.text == word)
    return tok.sent, tok


def test_act_date_from_a_neighbouring_sentence() -> None:
    doc = load()("Ruritania has delivered rifles to Freedonia, officials believe. "
                 "The crates were shipped between March 3 and March 20 from a northern port.")
    sent, trigger = _sentence_with(doc, "delivered")
    date = resolve_date(sent, "2021-04-09", trigger)
    assert date is not None and (date.value, date.precision) == ("2021-03", "month")


def test_own_disclosure_date_beats_a_neighbour() -> None:
    doc = load()("On Friday, Ruritania acknowledged supplying rifles to Freedonia. "
                 "The rifles were supplied in January, the minister said.")
    sent, trigger = _sentence_with(doc, "supplying")
    date = resolve_date(sent, "2021-04-10", trigger)
    assert date is not None and date.value == "2021-04-09"


def test_agreement_date_is_its_signing() -> None:
    doc = load()("Ruritania has ratified a defence treaty with Freedonia. "
                 "The treaty, signed in June, binds both sides to mutual aid.")
    sent, trigger = _sentence_with(doc, "ratified")
    date = resolve_date(sent, "2021-11-10", trigger)
    assert date is not None and (date.value, date.precision) == ("2021-06", "month")


def test_continued_speech_keeps_the_disclosure_date() -> None:
    doc = load()("The ministry said on Monday that Ruritania sent rifles to Freedonia. "
                 "The spokesman said: \"We condemn these transfers.\" "
                 "He added: \"In return Ruritania wants fuel from Freedonia.\"")
    sent, trigger = _sentence_with(doc, "wants")
    date = resolve_date(sent, "2021-04-10", trigger)
    assert date is not None and date.value == "2021-04-05"


def test_a_new_speaker_does_not_inherit_a_date() -> None:
    doc = load()("Officials said last week that they had seen convoys. "
                 "Diplomats told reporters that Ruritania is preparing to buy fuel from Freedonia.")
    from tripwire.extract.dates import _carried_disclosure

    sent, _ = _sentence_with(doc, "buy")
    assert _carried_disclosure(sent, "2021-04-10") is None
    he = load()("Officials said last week that they had seen convoys. "
                "He added that Ruritania is preparing to buy fuel from Freedonia.")
    sent, _ = _sentence_with(he, "buy")
    carried = _carried_disclosure(sent, "2021-04-10")
    assert carried is not None and carried.precision == "week"


def test_a_date_of_the_event_something_came_before_is_not_the_acts() -> None:
    doc = load()("Ruritania admitted on Saturday that it supplied rifles to Freedonia. "
                 "The rifles were reportedly supplied a few months prior to Freedonia's offensive "
                 "on March 3rd, according to the minister.")
    sent = list(doc.sents)[1]
    trigger = next(t for t in sent if t.text == "supplied")
    date = resolve_date(sent, "2021-11-08", trigger)
    assert date is None or date.value != "2021-03-03"


def test_a_relative_clause_on_another_noun_dates_another_act() -> None:
    doc = load()("The United States accused Ruritania on Tuesday of sending weapons to Freedonia "
                 "for its war against Sylvania, which it invaded in February 2022.")
    sentence = next(iter(doc.sents))
    trigger = next(t for t in doc if t.text == "sending")
    date = resolve_date(sentence, "2024-06-28", trigger)
    assert date is not None and date.value != "2022-02"
