"""diplomatic_protest (SPEC §3): summoning an ambassador, a protest note, expelling diplomats.

The actor is the subject of "summoned/expelled/lodged"; the target is the state the summoned
or expelled diplomat represents ("Russian Ambassador …", "the ambassador of Iran"), or the
"with/to" complement of a protest. Public statements that condemn are not events.
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
    prep_objects,
    subjects,
    subtree_mentions,
    words,
)

LEX = lexicon("triggers/diplomatic_protest")
VERBS = words(LEX, "verbs")
OBJECTS = words(LEX, "objects")


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        if tok.pos_ != "VERB" or lem(tok) not in VERBS:
            continue
        objs = [o for o in objects(tok) if lem(o) in OBJECTS or o.lower_ in OBJECTS]
        if not objs:
            continue
        actor = actor_names(subjects(tok), ctx, sentence, states_only=True)
        target: list[str] = []
        for o in objs:
            target += subtree_mentions(o, ctx, states_only=True)
        target += actor_names(prep_objects(tok, {"with", "to", "against"}), ctx, sentence)
        target = [t for t in dict.fromkeys(target) if t not in actor]
        if not actor or not target:
            continue
        yield Draft(type="diplomatic_protest", stage="held",
                    actors={"actor": tuple(actor), "target": tuple(target)},
                    sentence=sentence, trigger=tok, confidence=0.6)


RULES = [FnRule("diplomatic_protest", keywords_of(VERBS), find)]
