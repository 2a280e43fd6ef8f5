"""recognition (SPEC §3): a state recognises another entity — recognizer, recognized.

"X recognized the Donetsk and Luhansk People's Republics", "X is one of the few countries that
have recognized …" (the relative clause's antecedent's subject). The recognized entities are
read from the object phrase: first the entities of the lexicon (``entities``: canonical name →
words that name it, so "the Donetsk and Luhansk People's Republics" gives both republics under
their canonical names), else the states it names outside modifiers and locatives
("Kremlin-controlled", "in eastern Ukraine"), else its named entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.events._common import (
    FnRule,
    actor_names,
    keywords_of,
    lem,
    objects,
    subjects,
    words,
)

LEX = lexicon("triggers/recognition")
VERBS = words(LEX, "verbs")
ENTITIES: dict[str, list[str]] = {k: list(v) for k, v in (LEX.get("entities") or {}).items()}
_ENTITY_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(a) for v in ENTITIES.values() for a in v),
                                     key=len, reverse=True)) + r")(?![\w-])")
_BY_ALIAS = {a.lower(): name for name, aliases in ENTITIES.items() for a in aliases}
_SKIP_DEPS = frozenset({"amod", "compound", "npadvmod", "relcl", "acl", "advcl"})


def known_entities(text: str) -> list[str]:
    """Canonical names of the lexicon's entities named in ``text``, in order, each once."""
    return list(dict.fromkeys(_BY_ALIAS[m.group(1).lower()] for m in _ENTITY_RE.finditer(text)))


def _core(obj: Token) -> list[Token]:
    """The object phrase without its modifiers ("Kremlin-controlled") and locatives ("in
    eastern Ukraine")."""
    out: list[Token] = []

    def walk(t: Token) -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ in _SKIP_DEPS or (c.dep_ == "prep" and c.lower_ in {"in", "at", "near"}):
                continue
            walk(c)

    walk(obj)
    return out


def _text(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].doc[toks[0].i : toks[-1].i + 1].text if toks else ""


def _recognized(obj: Token, verb: Token, sentence: Span, ctx: Context) -> list[str]:
    found = known_entities(_text(obj.subtree))
    if not found:  # "recognized the republics in Donetsk and Luhansk" (the place on the verb)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "of"}:
                found += known_entities(_text(c.subtree))
    if found:
        return found
    core = _core(obj)
    names: list[str] = []
    for t in core:
        a = ctx.actors.at(t)
        if a is not None and a.kind == "state" and a.name not in names:
            names.append(a.name)
    if names:
        return names
    idx = {t.i for t in core}
    return [e.text for e in sentence.ents if e.root.i in idx and e.label_ in {"GPE", "ORG", "NORP"}]


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        if tok.pos_ != "VERB" or lem(tok) not in VERBS:
            continue
        subj = subjects(tok)
        recognizer = actor_names(subj, ctx, sentence, states_only=True)
        if not recognizer and tok.dep_ == "relcl":
            anchor = tok.head  # "one of the few countries that have recognized"
            while anchor.dep_ == "pobj" and anchor.head.head.i != anchor.head.i:
                anchor = anchor.head.head  # "one of the countries", "among the states"
            verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head \
                if anchor.dep_ in {"attr", "dobj"} else None
            if verb is not None:
                recognizer = actor_names(subjects(verb), ctx, sentence, states_only=True)
        if not recognizer:
            continue
        recognized: list[str] = []
        for o in objects(tok):
            recognized += _recognized(o, tok, sentence, ctx)
        recognized = [r for r in dict.fromkeys(recognized) if r not in recognizer]
        if not recognized:
            continue
        yield Draft(type="recognition", stage="held",
                    actors={"recognizer": tuple(recognizer), "recognized": tuple(recognized)},
                    sentence=sentence, trigger=tok, confidence=0.5)


RULES = [FnRule("recognition", keywords_of(VERBS, {"recogn"}), find)]
