"""recognition (SPEC §3): a state recognises another entity — recognizer, recognized.

"X recognized the Donetsk and Luhansk People's Republics", "X is one of the few countries that
have recognized …" (the relative clause's antecedent's complement). The recognized entities
are the named places/organisations in the object (states or named entities).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.events._common import (
    FnRule,
    actor_names,
    keywords_of,
    lem,
    objects,
    subjects,
    subtree_mentions,
    words,
)

LEX = lexicon("triggers/recognition")
VERBS = words(LEX, "verbs")


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        if tok.pos_ != "VERB" or lem(tok) not in VERBS:
            continue
        subj = subjects(tok)
        recognizer = actor_names(subj, ctx, sentence, states_only=True)
        if not recognizer and tok.dep_ == "relcl":
            anchor = tok.head  # "one of the few countries that have recognized"
            while anchor.dep_ == "pobj" and anchor.head.head.i != anchor.head.i:
                anchor = anchor.head.head
            if anchor.dep_ in {"attr", "dobj"}:
                verb = anchor.head
                recognizer = actor_names(subjects(verb), ctx, sentence, states_only=True)
        if not recognizer:
            continue
        recognized: list[str] = []
        for o in objects(tok):
            names = [e.text for e in sentence.ents if e.start >= o.left_edge.i
                     and e.end <= o.right_edge.i + 1 and e.label_ in {"GPE", "ORG", "LOC"}]
            recognized += names or subtree_mentions(o, ctx) or [
                " ".join(t.text for t in o.subtree if t.dep_ != "det")]
        recognized = [r for r in dict.fromkeys(recognized) if r not in recognizer]
        if not recognized:
            continue
        yield Draft(type="recognition", stage="held",
                    actors={"recognizer": tuple(recognizer), "recognized": tuple(recognized)},
                    sentence=sentence, trigger=tok, confidence=0.5)


RULES = [FnRule("recognition", keywords_of(VERBS, {"recogn"}), find)]
