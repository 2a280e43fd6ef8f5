"""meeting (SPEC §3): a summit, an official visit, talks — participants, stage ``held``.

Participants come from the trigger's arguments: the subject(s) of "met"/"visited"/"hosted" and
its object or "with" complement ("Kim met Putin", "Putin hosted Kim", "Shoigu visited
Pyongyang"); for a noun trigger its modifiers and complements ("the North Korea-Russia summit",
"talks between X and Y", "a call with X"), plus the subject of the clause it sits in ("In a call
with X, Y said …", "Kim travelled to Russia for talks"). At least two distinct participants.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.events._common import (
    FnRule,
    actor_names,
    conjuncts,
    governing_verb,
    keywords_of,
    lem,
    objects,
    planned,
    prep_objects,
    subjects,
    subtree_mentions,
    words,
)

LEX = lexicon("triggers/meeting")
VERBS = words(LEX, "verbs")
TALK_VERBS = words(LEX, "talk_verbs")
SPEECH_VERBS = words(LEX, "speech_verbs")
NOUNS = words(LEX, "nouns")
PREPS = words(LEX, "with_preps")
PEOPLE = words(LEX, "people")
_BODY_WORDS = frozenset({"council", "committee", "assembly", "board", "cabinet", "parliament"})
def _noun_participants(noun: Token, ctx: Context) -> list[str]:
    out: list[str] = []
    for c in noun.children:
        if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.i < noun.i:
            out += subtree_mentions(c, ctx)
    for p in prep_objects(noun, PREPS | {"of"}):
        if lem(noun) == "visit" and p.head.lower_ in {"to", "in"}:
            out += subtree_mentions(p, ctx, states_only=True)
        else:
            out += subtree_mentions(p, ctx)
    return out


def _subject_actors(subjs: Iterable[Token], ctx: Context, sentence: Span) -> list[str]:
    """Actors of subject phrases; a subject that is not itself an actor gives those named in
    its phrase ("the regime's leader Kim Jong Un", "the Russian and North Korean leaders")."""
    out: list[str] = []
    for s in subjs:
        agentive = s.pos_ in {"PROPN", "PRON"} or lem(s) in PEOPLE or ctx.actors.at(s) is not None
        if not agentive:
            continue  # things do not meet: "a US submarine visited South Korea"
        out += actor_names([s], ctx, sentence) or subtree_mentions(s, ctx)
    return out


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        low = lem(tok)
        parts: list[str] = []
        if tok.pos_ == "VERB" and low in VERBS:
            parts = _subject_actors(subjects(tok), ctx, sentence)
            objs = objects(tok, PREPS)
            parts += actor_names(objs, ctx, sentence)
            if low == "visit":
                parts = _subject_actors(subjects(tok), ctx, sentence)
                places = [m for o in objs for m in subtree_mentions(o, ctx, states_only=True)]
                if not places:
                    continue
                parts += places
        elif tok.pos_ == "VERB" and low in SPEECH_VERBS:
            partners = prep_objects(tok, {"with"}) + [
                p for o in objects(tok) for p in prep_objects(o, {"with"})]
            if not partners:
                continue
            parts = _subject_actors(subjects(tok), ctx, sentence)
            parts += actor_names(partners, ctx, sentence) or [
                m for p in partners for m in subtree_mentions(p, ctx)]
        elif tok.pos_ == "VERB" and low in TALK_VERBS:
            objs = [o for o in objects(tok) if lem(o) in NOUNS]
            if not objs:
                continue
            parts = _subject_actors(subjects(tok), ctx, sentence)
            for o in objs:
                parts += _noun_participants(o, ctx)
            parts += actor_names(prep_objects(tok, PREPS), ctx, sentence)
        elif tok.pos_ in {"NOUN", "PROPN"} and low in NOUNS:
            if low == "call" and not prep_objects(tok, {"with"}) or tok.lower_ == "talk":
                continue  # a phone call needs its "with"; "talk of a deal" is no meeting
            if any(lem(c) in _BODY_WORDS for c in tok.subtree):
                continue  # a council/committee meeting is a un_action or nothing
            parts = _noun_participants(tok, ctx)
            verb = governing_verb(tok)
            if len(set(parts)) < 2 and verb is not None and (tok.dep_ in {"dobj", "nsubj", "attr"}
                    or tok.dep_ == "pobj" and tok.head.lower_ in {"for", "during", "at", "in"}):
                inside = {t.i for t in tok.subtree}
                parts += _subject_actors((c for s in subjects(verb) if s.i not in inside
                                          for c in conjuncts(s)), ctx, sentence)
            if len(set(parts)) < 2 and tok.dep_ == "nsubj" and lem(tok.head) == "be":
                for attr in tok.head.children:  # "the summit was an exchange between X and Y"
                    if attr.dep_ == "attr":
                        parts += _noun_participants(attr, ctx)
        else:
            continue
        if planned(tok):
            continue
        uniq = list(dict.fromkeys(p for p in parts if p))
        if len(uniq) < 2:
            continue
        yield Draft(type="meeting", stage="held", actors={"participants": tuple(uniq)},
                    sentence=sentence, trigger=tok, confidence=0.6)


RULES = [FnRule("meeting", keywords_of(VERBS, NOUNS, SPEECH_VERBS, {"met", "talks", "spoke"}),
                find)]
