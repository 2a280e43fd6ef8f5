"""interdiction (SPEC §3): a coast guard or customs seizes a vessel, cargo or shipment.

The actor is the subject (or the "by" agent of a passive); the target is the seized object:
a named vessel/organisation in it, else the object's text.
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
    passive_subjects,
    subjects,
    words,
)

LEX = lexicon("triggers/interdiction")
VERBS = words(LEX, "verbs")
OBJECTS = words(LEX, "objects")


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        if tok.pos_ != "VERB" or lem(tok) not in VERBS:
            continue
        objs = [o for o in objects(tok) + passive_subjects(tok) if lem(o) in OBJECTS]
        if not objs:
            continue
        actor = actor_names(subjects(tok), ctx, sentence)
        if not actor:
            continue
        target: list[str] = []
        for o in objs:
            ents = [e.text for e in sentence.ents if o.left_edge.i <= e.start
                    and e.end <= o.right_edge.i + 1 and e.label_ in {"ORG", "PRODUCT", "FAC"}]
            target += ents or [" ".join(t.text for t in o.subtree if t.dep_ != "det")]
        yield Draft(type="interdiction", stage="held",
                    actors={"actor": tuple(actor), "target": tuple(dict.fromkeys(target))},
                    sentence=sentence, trigger=tok, confidence=0.5)


RULES = [FnRule("interdiction", keywords_of(VERBS), find)]
