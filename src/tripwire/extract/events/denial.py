"""denial (SPEC §3): an actor denies that an event happened — actor, denied (the event type).

Triggers: a denial verb ("denied the reports", "rejected accusations", "dismissed reports as
fake news"), a denial noun ("previous denials by Tehran"), or a claim called false ("said the
reports were groundless", "called the allegations unfounded"). The actor is the subject (or
the "by" agent), else the speaker of the sentence. The denied type is read from the words of
the denied claim, then of the sentence, then of the sentences before it.
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
    source_country,
    subjects,
    words,
)

LEX = lexicon("triggers/denial")
VERBS = words(LEX, "verbs")
NOUNS = words(LEX, "nouns")
ADJS = words(LEX, "adjectives")
NON_CLAIMS = words(LEX, "non_claims")
TYPES: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in LEX["denied_types"].items()}
DEFAULT = LEX.get("default_type", "arms_transfer")
_SAY = frozenset({"say", "call", "describe", "claim", "dismiss", "brand", "label", "term",
                  "insist", "stress", "add", "state"})


def denied_type(tokens: Iterable[Token]) -> str | None:
    low = {t.lower_ for t in tokens} | {lem(t) for t in tokens}
    for typ, vocab in TYPES.items():
        if low & vocab:
            return typ
    return None


def _type_for(trigger: Token, sentence: Span, ctx: Context) -> str:
    claim = [t for c in trigger.children if c.dep_ not in {"nsubj", "nsubjpass", "punct"}
             for t in c.subtree]
    found = denied_type(claim) or denied_type(sentence)
    if found:
        return found
    for prev in reversed(ctx.neighbours(sentence, before=2)):
        found = denied_type(prev)
        if found:
            return found
    return DEFAULT


def _actors(trigger: Token, sentence: Span, ctx: Context) -> list[str]:
    names = actor_names(subjects(trigger), ctx, sentence)
    if not names and lem(trigger) in NOUNS:
        names = actor_names(prep_objects(trigger, {"by", "from"}), ctx, sentence)
        names += actor_names([c for c in trigger.children if c.dep_ in {"poss", "amod",
                                                                       "compound"}], ctx)
    if not names:
        c = source_country(sentence, ctx)
        names = [c] if c else []
    return names


def _called_false(tok: Token) -> Token | None:
    """The verb that calls a claim false: "said they were groundless", "called X unfounded"."""
    if tok.lower_ not in ADJS and lem(tok) not in ADJS:
        return None
    cur = tok
    for _ in range(4):
        cur = cur.head
        if lem(cur) in _SAY and cur.pos_ == "VERB":
            return cur
        if cur.head.i == cur.i:
            break
    return None


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    seen: set[int] = set()
    for tok in sentence:
        low = lem(tok)
        trigger: Token | None = None
        if tok.pos_ == "VERB" and low in VERBS:
            objs = objects(tok)
            if any(lem(o) in NON_CLAIMS for o in objs):
                continue
            trigger = tok
        elif tok.pos_ == "NOUN" and low in NOUNS:
            trigger = tok
        else:
            verb = _called_false(tok)
            if verb is not None and lem(verb) not in VERBS:
                trigger = verb
        if trigger is None or trigger.i in seen:
            continue
        seen.add(trigger.i)
        actors = _actors(trigger, sentence, ctx)
        if not actors:
            continue
        denied = _type_for(trigger, sentence, ctx)
        yield Draft(type="denial", stage="held",
                    actors={"actor": tuple(actors), "denied": (denied,)},
                    sentence=sentence, trigger=trigger, confidence=0.6)


RULES = [FnRule("denial", keywords_of(VERBS, NOUNS, ADJS), find)]
