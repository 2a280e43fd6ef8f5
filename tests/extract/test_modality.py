"""Polarity and modality scoped on the trigger's clause."""

from __future__ import annotations

import pytest

from tripwire.extract.modality import classify
from tripwire.nlp import load


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load()


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "If Ruritania buys rockets from Freedonia, it would violate the embargo.",
            "buys",
            ("positive", "hypothetical"),
        ),
        (
            "The resolution would have extended the mandate of the panel.",
            "extended",
            ("positive", "hypothetical"),
        ),
        ("Ruritania may be buying rockets from Freedonia.", "buying", ("positive", "speculative")),
        (
            "Officials said the launch is likely to have used a partnership that has seen "
            "Ruritania send millions of shells to Freedonia.",
            "send",
            ("positive", "asserted"),
        ),
        (
            "Reports say Ruritania may be defying sanctions to supply Freedonia with oil.",
            "supply",
            ("positive", "speculative"),
        ),
        (
            "The two leaders agreed to provide military assistance if either faces aggression.",
            "provide",
            ("positive", "hypothetical"),
        ),
        (
            "Officials will see in a few days how many Ruritanian troops will be deployed there.",
            "deployed",
            ("positive", "speculative"),
        ),
        (
            "Officials did not say how many shells Ruritania has sent to Freedonia.",
            "sent",
            ("positive", "asserted"),
        ),
        (
            "Ruritania could soon deliver rockets to Freedonia.",
            "deliver",
            ("positive", "speculative"),
        ),
        (
            "Ruritania is likely to deliver rockets to Freedonia.",
            "deliver",
            ("positive", "speculative"),
        ),
        (
            "Ruritania is expected to deliver rockets to Freedonia.",
            "deliver",
            ("positive", "speculative"),
        ),
        (
            "There is speculation that Ruritania delivered rockets to Freedonia.",
            "delivered",
            ("positive", "speculative"),
        ),
        (
            "Analysts discussed a possible arms deal between the two.",
            "deal",
            ("positive", "speculative"),
        ),
        ("Ruritania is seeking to buy rockets from Freedonia.", "buy", ("positive", "asserted")),
        ("Ruritania plans to buy rockets.", "buy", ("positive", "asserted")),
        (
            "The minister said Ruritania would impose sanctions on the firms.",
            "impose",
            ("positive", "asserted"),
        ),
        (
            "Ruritania has not yet tried to sell Freedonia military equipment.",
            "sell",
            ("negative", "asserted"),
        ),
        (
            "There were no indications that purchases from Freedonia have been completed, the "
            "spokesman said.",
            "completed",
            ("negative", "asserted"),
        ),
        ("Ruritania never delivered the rockets.", "delivered", ("negative", "asserted")),
        ("Ruritania failed to deliver the rockets.", "deliver", ("negative", "asserted")),
        ("Ruritania denied supplying drones to Freedonia.", "supplying", ("negative", "asserted")),
        (
            "Ruritania delivered rockets to Freedonia, officials said.",
            "delivered",
            ("positive", "asserted"),
        ),
    ],
)
def test_classify(nlp, sentence: str, trigger: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    assert classify(next(doc.sents), tok) == expected


def test_hedge_in_a_sibling_clause_does_not_count(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Officials said Ruritania could face sanctions, but Freedonia delivered rockets to it."
    )
    tok = next(t for t in doc if t.text == "delivered")
    assert classify(next(doc.sents), tok) == ("positive", "asserted")


def test_concern_about_a_named_act_is_not_a_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ambassador expressed serious concern about Ruritania's veto.")
    tok = next(t for t in doc if t.text == "veto")
    assert classify(next(doc.sents), tok) == ("positive", "asserted")


def test_fears_over_a_clause_hedge_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("There are fears that Ruritania sent shells to Freedonia.")
    tok = next(t for t in doc if t.text == "sent")
    assert classify(next(doc.sents), tok)[1] == "speculative"


def test_predictions_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("There are many predictions that Ruritania will block the resolution.")
    tok = next(t for t in doc if t.text == "block")
    assert classify(next(doc.sents), tok)[1] == "speculative"


def _trigger(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_what_is_said_of_a_definite_meeting_does_not_hedge_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Analysts suspect that last month's summit between the two leaders produced a deal.")
    assert classify(next(doc.sents), _trigger(doc, "summit")) == ("positive", "asserted")
    doc = nlp("The minister's recent meeting with the envoy might be related to the crisis.")
    assert classify(next(doc.sents), _trigger(doc, "meeting")) == ("positive", "asserted")


def test_existence_predicates_hedge_their_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A summit between the two leaders may take place next year.")
    assert classify(next(doc.sents), _trigger(doc, "summit"))[1] == "speculative"


def test_a_question_asserts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Has Ruritania started supplying shells to Freedonia?")
    assert classify(next(doc.sents), _trigger(doc, "supplying"))[1] == "speculative"


def test_the_subject_of_would_is_a_supposition(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Buying shells from Freedonia would violate the embargo.")
    assert classify(next(doc.sents), _trigger(doc, "Buying"))[1] == "hypothetical"
    doc = nlp("Ruritania's import of shells would be a serious violation of the embargo.")
    assert classify(next(doc.sents), _trigger(doc, "import"))[1] == "hypothetical"


def test_an_unmarked_subject_keeps_the_hedge_of_its_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ruritania's purchases from Freedonia might hamper efforts to enforce sanctions.")
    assert classify(next(doc.sents), _trigger(doc, "purchases"))[1] == "speculative"


def test_negated_verb_does_not_deny_a_noun_inside_its_object(nlp) -> None:
    doc = nlp(
        "The agency did not give details of the size of Ruritania's shell supply to Osterlich."
    )
    sent = next(iter(doc.sents))
    supply = next(t for t in doc if t.lower_ == "supply")
    assert classify(sent, supply) == ("positive", "asserted")
    doc = nlp("Osterlich did not receive the shipment of shells.")
    shipment = next(t for t in doc if t.lower_ == "shipment")
    assert classify(next(iter(doc.sents)), shipment)[0] == "negative"
