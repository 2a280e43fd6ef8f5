"""un_action (SPEC §3): a Security Council veto, resolution, meeting, or a panel report.

- a veto or block: "Russia vetoed the resolution", "Russia blocked the renewal of the panel",
  "Russia's veto" — actor = the vetoing state, body = the Security Council;
- a Council meeting: "the UNSC meeting", "the Council convened" — actor = body = the Council;
- a panel report: "the panel said in its report", "U.N. sanctions monitors told a Security
  Council committee" — actor = the Panel of Experts, body = the Council.
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
    planned,
    subjects,
    words,
)

LEX = lexicon("triggers/un_action")
VETO_VERBS = words(LEX, "veto_verbs")
VETO_NOUNS = words(LEX, "veto_nouns")
MEETING_NOUNS = words(LEX, "meeting_nouns")
MEETING_VERBS = words(LEX, "meeting_verbs")
REPORT_NOUNS = words(LEX, "report_nouns")
REPORT_VERBS = words(LEX, "report_verbs")
UN_OBJECTS = words(LEX, "un_objects")
PANEL_WORDS = words(LEX, "panel_words")
COUNCIL: str = LEX["council"]
PANEL: str = LEX["panel"]
TRIGGERS = VETO_VERBS | VETO_NOUNS | MEETING_NOUNS | REPORT_VERBS | REPORT_NOUNS
_UN_WORDS = frozenset({"un", "u.n.", "united", "nations", "security", "council", "unsc"})


def _is_un(tokens: Iterable[Token], ctx: Context) -> bool:
    for t in tokens:
        a = ctx.actors.at(t)
        if a is not None and a.kind == "organization" and a.name in {COUNCIL, "United Nations",
                                                                     PANEL}:
            return True
        if t.lower_ in {"un", "u.n.", "unsc"}:
            return True
    return False


_PHRASE_CUT = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "conj", "cc"})


def _phrase(tok: Token) -> list[Token]:
    """``tok``'s noun phrase without clauses, appositions or conjuncts."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in _PHRASE_CUT:
            out.extend(_phrase(c))
    return out


def _is_panel(tok: Token, ctx: Context) -> bool:
    """The UN panel itself is the phrase's head ("the panel", "U.N. sanctions monitors"), not
    something said about another head ("an expert who served on a U.N. panel")."""
    if tok.lower_ not in PANEL_WORDS:
        return False
    phrase = _phrase(tok)
    return _is_un(phrase, ctx) or tok.lower_ == "panel"


def _draft(actor: str, sentence: Span, trigger: Token) -> Draft:
    return Draft(type="un_action", stage="held", actors={"actor": (actor,), "body": (COUNCIL,)},
                 sentence=sentence, trigger=trigger, confidence=0.6)


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    un_here = _is_un(sentence, ctx)
    for tok in sentence:
        low = lem(tok)
        if low not in TRIGGERS or planned(tok):
            continue  # not a trigger; or "will use its veto", "the Council meeting set for Monday"
        if tok.pos_ == "VERB" and low in VETO_VERBS:
            objs = objects(tok)
            if low != "veto" and not any(
                    {lem(t) for t in o.subtree} & UN_OBJECTS and _is_un(o.subtree, ctx)
                    or lem(o) in {"resolution", "renewal"} for o in objs):
                continue
            if low == "veto" or un_here:
                for name in actor_names(subjects(tok), ctx, sentence, states_only=True):
                    yield _draft(name, sentence, tok)
        elif tok.pos_ in {"NOUN", "PROPN"} and low in VETO_NOUNS:
            if tok.dep_ == "compound":
                continue  # "veto power", "veto right": a capacity, not an act
            mods = [c for c in tok.children if c.dep_ in {"poss", "amod", "compound"}]
            for name in actor_names(mods, ctx, sentence, states_only=True):
                yield _draft(name, sentence, tok)
        elif tok.pos_ == "NOUN" and low in MEETING_NOUNS:
            scope = list(tok.children) + [tok.head]
            if any(ctx.actors.at(t) is not None and ctx.actors.at(t).name == COUNCIL  # type: ignore[union-attr]
                   for c in scope for t in (c.subtree if c.i != tok.head.i else [c])) \
                    or any(t.lower_ in {"unsc", "council"} for c in tok.children
                           for t in c.subtree):
                yield _draft(COUNCIL, sentence, tok)
        elif tok.pos_ == "VERB" and low in REPORT_VERBS:
            for s in subjects(tok):
                if _is_panel(s, ctx):
                    yield _draft(PANEL, sentence, tok)
                    break
        elif tok.pos_ == "NOUN" and low in REPORT_NOUNS:
            owner = [c for c in tok.children if c.dep_ in {"poss", "compound"}]
            if any(_is_panel(o, ctx) for o in owner):
                yield _draft(PANEL, sentence, tok)


RULES = [FnRule("un_action", keywords_of(VETO_VERBS, VETO_NOUNS, MEETING_NOUNS, REPORT_NOUNS,
                                         PANEL_WORDS, {"vetoed", "council"}), find)]
