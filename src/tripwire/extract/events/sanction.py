"""sanction (SPEC §3): imposer, target (named entities), target_country; threatened/imposed/lifted.

Triggers: a sanctioning verb ("designated ten individuals", "sanctioned X", "froze the assets of
…") or a sanction noun governed by a verb of imposition ("imposed sanctions on", "announced new
designations", "decided to impose sanctions"). A bare mention of existing sanctions ("U.N.
sanctions on Pyongyang") is background, not an event. The imposer is the subject of the
governing verb (or the "by" agent, or the possessor/modifier of the noun: "Japan's sanctions");
a pronoun subject ("we will impose") takes the speaker's country. Targets are the named
people and organisations in the object or "on/against" complement; target countries are the
states named there ("two Russian companies", "firms based in Cyprus"). A threat ("will impose",
"vowed to sanction", "warned that … would be punished") is the stage ``threatened`` and is
asserted as a threat even inside a conditional.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.events._common import (
    VERBAL,
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

LEX = lexicon("triggers/sanction")
IMPOSE_VERBS = frozenset(LEX["verbs"]["imposed"])
LIFT_VERBS = frozenset(LEX["verbs"]["lifted"])
GOV_IMPOSE = frozenset(LEX["noun_governors"]["imposed"])
GOV_LIFT = frozenset(LEX["noun_governors"]["lifted"])
NOUNS = words(LEX, "nouns")
THREAT_GOV = words(LEX, "threat_governors")
THREAT_AUX = words(LEX, "threat_aux")
TARGET_PREPS = words(LEX, "target_preps")
_ASSET_WORDS = frozenset({"asset", "assets"})


def _stage(verb: Token, base: str) -> str:
    if base == "lifted":
        return base
    cur = verb
    for _ in range(4):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in THREAT_AUX for c in cur.children):
            return "threatened"
        if cur.dep_ in {"xcomp", "ccomp"} and lem(cur.head) in THREAT_GOV:
            return "threatened"
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in cur.children):
            return "threatened"
        if cur.dep_ not in {"xcomp", "conj", "ccomp"} or cur.head.i == cur.i:
            break
        cur = cur.head
    return base


def _targets(args: list[Token], ctx: Context) -> tuple[list[str], list[str]]:
    names: list[str] = []
    countries: list[str] = []
    for a in args:
        for t in a.subtree:
            if t.ent_iob_ == "B" and t.ent_type_ in {"PERSON", "ORG"}:
                ent = next((e for e in t.sent.ents if e.start == t.i), None)
                if ent is not None and ctx.actors.lookup(ent.text) is None:
                    names.append(ent.text)
        countries += subtree_mentions(a, ctx, states_only=True)
    return list(dict.fromkeys(names)), list(dict.fromkeys(countries))


def _imposer(verb: Token, noun: Token | None, sentence: Span, ctx: Context) -> list[str]:
    names = actor_names(subjects(verb), ctx, sentence)
    if not names:
        names = actor_names(prep_objects(verb, {"by"}), ctx, sentence)
    if not names and noun is not None:
        mods = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        names = actor_names(mods, ctx, sentence)
        if not names:
            names = actor_names(prep_objects(noun, {"by", "from"}), ctx, sentence)
    return names


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    done: set[int] = set()
    for tok in sentence:
        low = lem(tok)
        verb: Token | None = None
        noun: Token | None = None
        base = "imposed"
        args: list[Token] = []
        if tok.pos_ == "VERB" and low in IMPOSE_VERBS | LIFT_VERBS:
            if low in LIFT_VERBS:
                if not any(lem(o) in NOUNS for o in objects(tok)):
                    continue
                base = "lifted"
            if low == "freeze" and not any(lem(o) in _ASSET_WORDS for o in objects(tok)):
                continue
            verb = tok
            args = objects(tok, TARGET_PREPS | {"of"})
            if low == "freeze":
                args = [t for o in objects(tok) for t in prep_objects(o, {"of", "in"})] or args
            args += [c for c in tok.children if c.dep_ == "nsubjpass"]
        elif tok.pos_ in {"NOUN", "PROPN"} and low in NOUNS and low not in _ASSET_WORDS:
            head = tok.head
            if tok.dep_ in {"dobj", "nsubjpass"} and head.pos_ in VERBAL:
                if lem(head) in GOV_LIFT:
                    base = "lifted"
                elif lem(head) not in GOV_IMPOSE:
                    continue
                verb = head
            elif tok.dep_ == "pobj" and head.head.pos_ in VERBAL and \
                    lem(head.head) in GOV_IMPOSE and head.lower_ in {"with", "to"}:
                verb = head.head
            else:
                continue
            noun = tok
            args = prep_objects(tok, TARGET_PREPS) + prep_objects(verb, TARGET_PREPS - {"to"})
        else:
            continue
        if verb is None or verb.i in done:
            continue
        imposer = _imposer(verb, noun, sentence, ctx)
        if not imposer:
            continue
        done.add(verb.i)
        if base == "lifted" and any(c.dep_ == "neg" for c in verb.children):
            continue  # "does not remove the sanctions": nothing happened
        stage = _stage(verb, base)
        targets, countries = _targets(args, ctx)
        countries = [c for c in countries if c not in imposer] or countries
        actors = {"imposer": tuple(imposer), "target": tuple(targets),
                  "target_country": tuple(countries)}
        draft = Draft(type="sanction", stage=stage, actors=actors, sentence=sentence,
                      trigger=verb, confidence=0.6)
        if stage == "threatened":
            draft.modality = "asserted"  # the threat itself is what is asserted
        yield draft


RULES = [FnRule("sanction", keywords_of(IMPOSE_VERBS, NOUNS, {"imposed", "froze", "frozen"}),
                find)]
