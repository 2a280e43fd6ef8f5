"""Shared syntax helpers for the non-transfer event modules (not a rule module: leading ``_``).

Everything works on the dependency parse: arguments are read from the trigger's subjects,
objects and prepositional complements, and turned into actors with the core resolver
(``ctx.actors.of_phrase``). Pronoun subjects ("we will impose", "it denied") fall back to the
country of the sentence's source (attribution).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tripwire.extract.base import Context, Draft
from tripwire.nlp.gazetteer import fold

PRONOUNS = frozenset({"we", "it", "they", "he", "she", "i", "our", "its", "their", "his", "her"})
VERBAL = frozenset({"VERB", "AUX"})


def lem(tok: Token) -> str:
    return tok.lemma_.lower()


def conjuncts(tok: Token) -> Iterator[Token]:
    yield tok
    for c in tok.children:
        if c.dep_ == "conj":
            yield from conjuncts(c)


def subjects(verb: Token, depth: int = 3) -> list[Token]:
    """Grammatical subjects of ``verb`` (the agent of a passive), inherited through xcomp/conj."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if not subj:
        for c in verb.children:
            if c.dep_ == "agent":
                subj.extend(p for p in c.children if p.dep_ == "pobj")
    if not subj and depth > 0 and verb.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acl"} \
            and verb.head.i != verb.i and verb.head.pos_ in VERBAL:
        return subjects(verb.head, depth - 1)
    out: list[Token] = []
    for s in subj:
        out.extend(conjuncts(s))
    return out


def passive_subjects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            out.extend(conjuncts(c))
    return out


def objects(tok: Token, preps: Iterable[str] = ()) -> list[Token]:
    """Direct objects of ``tok`` and the objects of its prepositions in ``preps``."""
    preps = set(preps)
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"dobj", "attr", "oprd"}:
            out.extend(conjuncts(c))
        elif c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    preps = set(preps)
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


FUTURE_AUX = frozenset({"will", "'ll", "shall"})
FUTURE_GOVERNORS = frozenset({"go", "plan", "expect", "intend", "set", "invite", "schedule",
                              "hope", "want", "agree", "propose", "prepare", "aim", "seek", "try",
                              "threaten", "vow", "pledge", "promise"})
FUTURE_AMODS = frozenset({"upcoming", "planned", "proposed", "next", "future", "possible",
                          "potential", "expected", "scheduled", "prospective"})


def _future_verb(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in verb.children)


def planned(tok: Token) -> bool:
    """An act still to come ("will visit", "plans to meet", "the upcoming summit", "the meeting
    set for next week", "will raise it at the meeting", "will use its veto")."""
    if _future_verb(tok):
        return True
    for c in tok.children:
        if c.dep_ in {"amod", "compound"} and c.lower_ in FUTURE_AMODS:
            return True
        if c.dep_ == "acl" and lem(c) in FUTURE_GOVERNORS:  # "the meeting set for Monday"
            return True
    head = tok.head
    if tok.dep_ in {"xcomp", "ccomp"} and lem(head) in FUTURE_GOVERNORS:
        return True
    if tok.dep_ in {"dobj", "pobj"} and lem(head) in FUTURE_GOVERNORS:
        return True
    if tok.pos_ not in VERBAL:  # a noun: the verb it is an argument of ("will use its veto")
        verb = governing_verb(tok)
        if verb is not None and (_future_verb(verb) or lem(verb) in FUTURE_GOVERNORS
                                 or verb.dep_ == "xcomp" and lem(verb.head) in FUTURE_GOVERNORS):
            return True
    return _future_verb(head) and tok.dep_ in {"dobj", "xcomp"}


def source_country(sentence: Span, ctx: Context) -> str | None:
    """Country of the sentence's first source with one (for "we"/"it" subjects)."""
    try:
        from tripwire.extract.attribution import attribute
    except ImportError:  # pragma: no cover
        return None
    for a in attribute(sentence, ctx):
        if a.country:
            return a.country
    return None


PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})


def person_state(tok: Token, ctx: Context) -> str | None:
    """The state of a person named by ``tok`` when the actor lexicons do not know them: a
    pronoun's nearest preceding person in the sentence that resolves to a state ("Kim's
    ratification of a treaty that he signed"), else the country the document gives the person
    ("Iran's foreign minister Hossein Amirabdollahian … Amirabdollahian denied")."""
    if tok.lower_ in PERSON_PRONOUNS:
        for t in reversed(list(tok.sent[: tok.i - tok.sent.start])):
            a = ctx.actors.at(t)
            if a is None or a.kind != "state":
                continue
            hit = ctx.gazetteer.by_fold.get(fold(a.text)) if a.text else None
            if t.ent_type_ == "PERSON" or (hit is not None and hit.kind == "leaders"):
                return a.name
        return None
    if tok.pos_ != "PROPN":
        return None
    try:
        from tripwire.extract.attribution import person_country
    except ImportError:  # pragma: no cover
        return None
    return person_country(tok, ctx)


def actor_names(tokens: Iterable[Token], ctx: Context, sentence: Span | None = None,
                states_only: bool = False) -> list[str]:
    """Actor names (ISO3 or canonical) for argument tokens, in order, each once."""
    out: list[str] = []
    for tok in tokens:
        found = ctx.actors.of_phrase(tok)
        person = person_state(tok, ctx) if not found else None
        if person is not None:
            names = [person]
        elif not found and tok.lower_ in PRONOUNS and sentence is not None:
            c = source_country(sentence, ctx)
            names = [c] if c else []
        else:
            names = [a.name for a in found if not states_only or a.kind == "state"]
        for n in names:
            if n not in out:
                out.append(n)
    return out


def mentions_in(tokens: Iterable[Token], ctx: Context, states_only: bool = False) -> list[str]:
    """Every actor mentioned among ``tokens`` (whole subtrees should be passed expanded)."""
    idx = ctx.actors.index(ctx.doc)
    out: list[str] = []
    for t in tokens:
        a = idx.get(t.i)
        if a is not None and (not states_only or a.kind == "state") and a.name not in out:
            out.append(a.name)
    return out


def subtree_mentions(tok: Token, ctx: Context, states_only: bool = False,
                     stop: frozenset[str] = frozenset({"relcl", "advcl", "ccomp"})) -> list[str]:
    """Actors anywhere in ``tok``'s phrase, not descending into clauses in ``stop``."""
    toks: list[Token] = []

    def walk(t: Token) -> None:
        toks.append(t)
        for c in t.children:
            if c.dep_ not in stop:
                walk(c)

    walk(tok)
    return mentions_in(sorted(toks, key=lambda t: t.i), ctx, states_only)


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in VERBAL else None
        cur = cur.head
        if cur.pos_ in VERBAL:
            return cur
    return None


@dataclass(slots=True)
class FnRule:
    """A rule whose ``find`` is a plain function ``(sentence, ctx) -> Iterable[Draft]``."""

    type: str
    keywords: frozenset[str]
    fn: Callable[[Span, Context], Iterable[Draft]] = field(repr=False)

    def find(self, sentence: Span, ctx: Context) -> Iterable[Draft]:
        return self.fn(sentence, ctx)


def words(data: dict, *keys: str) -> frozenset[str]:  # type: ignore[type-arg]
    """The union of lexicon lists under ``keys`` (nested dict values flattened), lower-cased."""
    out: set[str] = set()
    for k in keys:
        v = data.get(k) or []
        if isinstance(v, dict):
            for vv in v.values():
                out.update(str(w).lower() for w in vv)
        else:
            out.update(str(w).lower() for w in v)
    return frozenset(out)


def keywords_of(*groups: Iterable[str]) -> frozenset[str]:
    """Relevance-filter prefixes: the first five letters of every trigger word."""
    out: set[str] = set()
    for g in groups:
        for w in g:
            out.add(w.lower()[:5] if len(w) > 5 else w.lower())
    return frozenset(out)
