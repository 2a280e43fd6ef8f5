"""diplomatic_protest (SPEC §3): summoning an ambassador, a protest note, expelling diplomats.

The actor is the subject of "summoned/expelled/lodged"; the target is the state the summoned
or expelled diplomat represents ("Russian Ambassador …", "the ambassador of Iran"), or the
"with/to" complement of a protest. Public statements that condemn are not events.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

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


def _diplomat(obj: Token) -> bool:
    """The object names a diplomat or a protest: "the ambassador", "Ambassador Andrei Kulik",
    "Andrei Kulik, the Russian ambassador", "a protest note"."""
    if lem(obj) in OBJECTS or obj.lower_ in OBJECTS:
        return True
    return any(c.dep_ in {"compound", "appos", "nmod"} and (lem(c) in OBJECTS
               or c.lower_ in OBJECTS or any(g.dep_ == "compound" and g.lower_ in OBJECTS
                                             for g in c.children))
               for c in obj.children)


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        if tok.pos_ != "VERB" or lem(tok) not in VERBS:
            continue
        objs = [o for o in objects(tok) if _diplomat(o)]
        if not objs:
            continue
        subj = subjects(tok)
        actor = actor_names(subj, ctx, sentence, states_only=True) or actor_names(
            [c for s in subj for c in s.children if c.dep_ == "poss"], ctx, sentence,
            states_only=True)  # "our government summoned …": the speaker's state
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
