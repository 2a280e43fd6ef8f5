"""Which sentences are worth parsing: a cheap filter in front of the spaCy parser.

A sentence can hold an event only if it carries a word that starts with one of the rules'
keywords (:func:`tripwire.extract.base.all_keywords`) and an actor is named in it or in the
sentence before (a pronoun subject: "It has since shipped …"). Sentences next to a relevant one
are parsed too, because attribution ("…, officials said.") and references ("the deal") reach
across one sentence boundary.

Everything here works on plain strings with regular expressions and set look-ups; no spaCy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tripwire.extract.actors import organizations
from tripwire.nlp import gazetteer as gaz

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and
# an upper-case letter, digit or opening quote; or at a blank line / line break.
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Rep|Sen|Gov|Prof|St|Jr|Sr|No|Vol|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|D\.P\.R\.K|Inc|Corp|"
    r"Co|Ltd|vs|etc|approx)\.)$"
)
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*")
_MAX_SENT_CHARS = 1500
# What makes a neighbour of a relevant sentence worth parsing: it may name the source of the
# claim ("…, officials said.", a quotation), introduce a speaker with a role ("Iran's foreign
# minister Hossein Karimi …") or carry on its subject ("It has since …").
_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|according|reported|reports|stated|states|announced|"
    r"confirmed|claimed|claims|added|noted|quoted|cited|citing|warned|assessed|believes?|"
    r"spoke|speaking|spokes\w*|minister|official|officials|secretary|president|director|"
    r"ambassador|envoy|adviser|advisor|chief|general|lawmakers?|agency|ministry|"
    r"It|They|He|She|This|These|The move|The deal)\b|[\"“”]"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int  # exclusive; includes the trailing whitespace, so sentences tile the text


def split(text: str) -> list[Sentence]:
    """Sentences that tile ``text`` exactly (each keeps its trailing whitespace)."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        head = text[max(cuts[-1], m.start() - 12) : m.start()]
        if "\n" not in m.group(0) and _ABBREV.search(head.rstrip("\"'”’)]")):
            continue
        if m.end() > cuts[-1]:
            cuts.append(m.end())
    if cuts[-1] != len(text):
        cuts.append(len(text))
    out = [Sentence(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    # very long "sentences" (tables, lists without punctuation) are cut so the parser stays cheap
    final: list[Sentence] = []
    for s in out:
        start = s.start
        while s.end - start > _MAX_SENT_CHARS:
            cut = text.rfind(" ", start, start + _MAX_SENT_CHARS)
            cut = cut + 1 if cut > start else start + _MAX_SENT_CHARS
            final.append(Sentence(start, cut))
            start = cut
        final.append(Sentence(start, s.end))
    return final


@functools.lru_cache(maxsize=1)
def _actor_keys() -> tuple[frozenset[str], int]:
    """Folded aliases of every state and organisation, and the longest alias in words."""
    g = gaz.load()
    keys = set(g.by_fold)
    for org in organizations().values():
        keys.update(gaz.fold(a) for a in org.aliases)
    keys.discard("")
    return frozenset(keys), max(len(k.split()) for k in keys)


_fold = functools.lru_cache(maxsize=1 << 16)(gaz.fold)


def has_actor(text: str) -> bool:
    """Whether ``text`` names a state, capital, leader, government body or listed organisation."""
    keys, longest = _actor_keys()
    words = [_fold(w) for w in _WORD.findall(text)]
    words = [w for w in words if w]
    for i in range(len(words)):
        for n in range(1, min(longest, len(words) - i) + 1):
            if " ".join(words[i : i + n]) in keys:
                return True
    return False


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, as the keyword tests read them."""
    return _WORD.findall(text.lower())


def has_keyword(text: str, keywords: frozenset[str]) -> bool:
    """Whether a word of ``text`` starts with one of ``keywords`` (lower-case prefixes)."""
    return any_keyword(words(text), keywords)


def any_keyword(words: Iterable[str], keywords: frozenset[str]) -> bool:
    """Whether one of ``words`` (lower-case) starts with one of ``keywords``."""
    if not keywords:
        return False
    hits = _hits(keywords)
    for word in words:
        hit = hits.get(word)
        if hit is None:
            hit = hits[word] = _starts_with_keyword(word, keywords)
        if hit:
            return True
    return False


@functools.lru_cache(maxsize=64)
def _hits(keywords: frozenset[str]) -> dict[str, bool]:
    """Memo of :func:`_starts_with_keyword` per word, for one keyword set."""
    return {}


def _starts_with_keyword(word: str, keywords: frozenset[str]) -> bool:
    starts = _prefixes(keywords).match
    return any(starts(w) for w in _forms(word))


@functools.lru_cache(maxsize=64)
def _prefixes(keywords: frozenset[str]) -> re.Pattern[str]:
    """One pattern matching a word that starts with any of ``keywords`` (two letters or more)."""
    alternatives = sorted((re.escape(k) for k in keywords if len(k) >= 2), key=len, reverse=True)
    return re.compile("|".join(alternatives) or r"(?!)")


def _forms(word: str) -> tuple[str, ...]:
    """The word and its base form when it ends in -ied/-ies ("denied" → "deny") or drops a
    final e before -ing ("using" → "use"), so that a keyword written as a base ("deny", "use")
    matches its inflections."""
    if len(word) > 4 and word.endswith(("ied", "ies")):
        return word, word[:-3] + "y"
    if len(word) > 4 and word.endswith("ing"):
        return word, word[:-3] + "e"
    return (word,)


def select(text: str, sentences: list[Sentence], keywords: frozenset[str],
           context: int = 1) -> set[int]:
    """Indices of the sentences to parse: relevant ones and ``context`` neighbours each side."""
    actor: dict[int, bool] = {}

    def named(i: int) -> bool:  # looked up only for sentences with a keyword, and their previous
        hit = actor.get(i)
        if hit is None:
            hit = actor[i] = has_actor(text[sentences[i].start : sentences[i].end])
        return hit

    core = {
        i for i, s in enumerate(sentences)
        if has_keyword(text[s.start : s.end], keywords) and (named(i) or (i > 0 and named(i - 1)))
    }
    out = set(core)
    for i in core:
        for j in range(max(0, i - context), min(len(sentences), i + context + 1)):
            if j not in out and _CUE.search(text, sentences[j].start, sentences[j].end):
                out.add(j)
    return out


def segments(sentences: list[Sentence], chosen: Iterable[int]) -> list[tuple[int, int, bool]]:
    """Runs of consecutive sentences as ``(start, end, parse)``, tiling the text."""
    chosen = set(chosen)
    out: list[tuple[int, int, bool]] = []
    for i, s in enumerate(sentences):
        parse = i in chosen
        if out and out[-1][2] == parse:
            out[-1] = (out[-1][0], s.end, parse)
        else:
            out.append((s.start, s.end, parse))
    return out


__all__ = ["Sentence", "any_keyword", "has_actor", "has_keyword", "segments", "select", "split",
           "words"]
