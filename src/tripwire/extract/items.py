"""What is transferred: noun phrases → :class:`tripwire.model.Item` with a SPEC §4 category.

The lexicon (``lexicons/items.yaml``) maps multi-word phrases and head-noun lemmas to categories
and lists regular expressions for named systems (KN-23, Shahed-136). :func:`items_in` reads the
items of an argument: every noun in the argument's subtree whose phrase or head is in the
lexicon, with its left modifiers as the item text. A generic head ("weapons", "equipment") that
merely introduces a list ("weapons such as rockets and shells", "assistance including aircraft")
is dropped in favour of the listed items.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.extract.base import lexicon
from tripwire.model import Item

_LIST_PREPS = frozenset({"such", "including", "include", "like", "as"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "quantmod"})


@dataclass(frozen=True, slots=True)
class ItemLexicon:
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (words, category), longest first
    heads: dict[str, str]
    named: tuple[tuple[re.Pattern[str], str], ...]
    vague: frozenset[str]
    troop_words: frozenset[str]
    plural_items: frozenset[str] = frozenset()


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@functools.lru_cache(maxsize=1)
def item_lexicon() -> ItemLexicon:
    data = lexicon("items")
    phrases = [
        (tuple(_norm(p).split()), cat)
        for cat, items in (data.get("phrases") or {}).items() for p in items
    ]
    phrases.sort(key=lambda x: -len(x[0]))
    heads = {_norm(h): cat for cat, hs in (data.get("heads") or {}).items() for h in hs}
    named = tuple(
        (re.compile(p), cat) for cat, ps in (data.get("named") or {}).items() for p in ps
    )
    return ItemLexicon(tuple(phrases), heads, named, frozenset(data.get("vague") or ()),
                       frozenset(data.get("troop_words") or ()),
                       frozenset(data.get("plural_items") or ()))


def _lemma(tok: Token) -> str:
    lem = (tok.lemma_ or tok.text).lower()
    return _norm(lem) or lem


def phrase_of(head: Token) -> list[Token]:
    """The head noun with its left modifiers (compounds, adjectives, numbers)."""
    left: list[Token] = []
    for child in head.lefts:
        if child.dep_ in _MOD_DEPS or (child.dep_ == "punct" and child.text == "-"):
            left.extend(t for t in child.subtree if t.i < head.i)
    toks = sorted({t.i: t for t in [*left, head]}.values(), key=lambda t: t.i)
    return toks


def categorize(head: Token) -> tuple[str, str] | None:
    """(item text, category) for a noun, or None when the lexicon does not know it."""
    lex = item_lexicon()
    toks = phrase_of(head)
    text = " ".join(t.text for t in toks).replace(" - ", "-").replace(" -", "-")
    cat: str | None
    for pattern, cat in lex.named:
        if pattern.search(text):
            return text, cat
    words = [w for t in toks for w in _norm(t.text).split()]
    lemmas = [w for t in toks for w in _norm(_lemma(t)).split()]
    for seq in (lemmas, words):
        joined = " " + " ".join(seq) + " "
        for phrase, cat in lex.phrases:
            if " " + " ".join(phrase) + " " in joined:
                return text, cat
    lem = _lemma(head)
    cat = lex.heads.get(lem) or lex.heads.get(head.lower_)
    if cat is None:
        return None
    if lem == "fighter" and not any(_lemma(t) in {"jet", "aircraft", "plane"} for t in toks):
        # "fighters" alone are people
        cat = "troops"
    return text, cat


def is_vague(head: Token) -> bool:
    """A generic head with no modifier ("equipment", "technologies"); "military equipment",
    "weapons technologies" are not vague."""
    if any(c.dep_ in ("compound", "amod", "nmod") for c in head.children):
        return False
    lex = item_lexicon()
    if head.lower_ in lex.plural_items:
        return False
    return _lemma(head) in lex.vague or head.lower_ in lex.vague


def _introduces_list(tok: Token) -> bool:
    for child in tok.children:
        if child.lower_ in _LIST_PREPS or (child.dep_ == "prep" and child.lower_ in _LIST_PREPS):
            return True
        if child.dep_ == "amod" and child.lower_ == "such":
            return True
    for child in tok.rights:
        if child.dep_ in ("prep", "acl") and child.lower_ in ("including", "like", "such"):
            return True
    return False


_KEEP_PREPS = frozenset({"of", "including", "like", "as", "such", "with", "plus"})


def _walk(root: Token) -> Iterable[Token]:
    """The subtree of ``root`` without prepositional phrases that name places, times or
    counterparts ("to Russia", "for the war", "in Ukraine")."""
    yield root
    for child in root.children:
        if child.dep_ in ("prep", "agent") and child.lower_ not in _KEEP_PREPS:
            continue
        if child.dep_ in ("relcl", "advcl", "acl") and child.tag_ != "VBN":
            continue
        yield from _walk(child)


def _modifies_item(tok: Token) -> bool:
    """Whether ``tok`` sits in the left modifiers of a known item, directly or through other
    modifiers ("missile" in "missile production equipment")."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if cur.dep_ not in _MOD_DEPS or head.i <= cur.i or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if categorize(head) is not None:
            return True
        cur = head
    return False


def items_in(tokens: Iterable[Token], stop: Token | None = None) -> list[tuple[Item, Token]]:
    """Items named in the subtrees of ``tokens`` (each with its head token), in text order.

    ``stop`` is a token whose subtree is not entered (the trigger, when an argument contains it).
    """
    seen: dict[int, tuple[Item, Token]] = {}
    for root in tokens:
        for tok in _walk(root):
            if stop is not None and tok.i == stop.i:
                continue
            if tok.pos_ not in ("NOUN", "PROPN", "X") and not re.search(r"\d", tok.text):
                continue
            if _modifies_item(tok):
                continue  # a modifier of a known item ("artillery" in "artillery shells")
            found = categorize(tok)
            if found is None:
                continue
            text, cat = found
            seen[tok.i] = (Item(text=text, category=cat), tok)
    out = sorted(seen.values(), key=lambda x: x[1].i)
    specific = [x for x in out if x[0].category != "other"]
    if specific:
        out = [x for x in out if not (x[0].category == "other" and _introduces_list(x[1]))]
    return out


def items_text(span: Span) -> list[Item]:
    """Items named anywhere in a span (for tests and entity listing)."""
    return [item for item, _ in items_in([span.root] if len(span) else [])]


__all__ = ["Item", "categorize", "is_vague", "item_lexicon", "items_in", "phrase_of"]
