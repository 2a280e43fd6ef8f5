"""How much: quantity expressions → :class:`tripwire.model.Quantity` (min, max, unit).

"millions of rockets" → min 1e6; "more than 1,000 containers" → min 1000; "up to several
hundred" → max hundreds; "nearly 11,000" → max 11000; "around 12,000 troops" → 12000..12000;
"hundreds of thousands of rounds" → min 1e5; "6 million 152-mm shells" → 6e6..6e6.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from tripwire.model import Quantity

_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "several": 3,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "some")
_UPPER = ("up to", "nearly", "almost", "less than", "fewer than", "under", "as many as")
_ABOUT = ("about", "around", "approximately", "roughly", "an estimated", "some")

_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
        + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")")
_SCL = r"(?:hundred|thousand|million|billion)s?"
_PAT = re.compile(
    r"(?P<mod>more than|over|at least|upwards of|in excess of|up to|nearly|almost|less than|"
    r"fewer than|under|as many as|about|around|approximately|roughly|an estimated|some)?\s*"
    r"(?:(?P<plural>tens of thousands|hundreds of thousands|hundreds|thousands|millions|dozens)"
    r"(?:\s+of\s+(?P<plural2>thousands|millions))?"
    r"|\b(?P<num>" + _NUM + r")\b(?:[\s-]+(?P<scale>" + _SCL + r"))?)"
    r"(?:\s+of)?(?P<unit>(?:\s+[\"'“”‘’]?[A-Za-z0-9][\w-]*[\"'“”‘’]?){0,4})",
    re.IGNORECASE,
)
_PLURAL = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "dozens": 12,
           "tens of thousands": 10_000, "hundreds of thousands": 100_000}
_UNIT_STOP = frozenset({"of", "the", "and", "to", "from", "in", "for", "with", "by", "on", "at",
                        "a", "an", "its", "their", "that", "which", "were", "was", "have", "has"})


def _number(num: str) -> float | None:
    n = num.lower().replace(",", "")
    if n in _WORDS:
        return float(_WORDS[n])
    try:
        return float(n)
    except ValueError:
        return None


def parse(text: str, unit_hint: str | None = None) -> Quantity | None:
    """The first quantity in ``text``; ``unit_hint`` names the unit when the text omits it."""
    for m in _PAT.finditer(text):
        if m.group("num") is None and m.group("plural") is None:
            continue
        if m.group("num") and m.group("num").lower() in ("a", "an", "one") and not m.group("scale"):
            continue
        if m.group("plural"):
            value = float(_PLURAL[m.group("plural").lower()])
            if m.group("plural2"):
                value *= _PLURAL[m.group("plural2").lower()]
            lo, hi = value, None
        else:
            n = _number(m.group("num"))
            if n is None:
                continue
            if m.group("scale"):
                n *= _SCALE[m.group("scale").lower().rstrip("s")]
            lo, hi = n, n
            mod = (m.group("mod") or "").lower()
            if mod in _LOWER and mod not in _ABOUT:
                hi = None
            elif mod in _UPPER:
                lo = None
            if re.match(r"\d{4}$", m.group("num")) and 1900 < n < 2100 and not m.group("scale"):
                continue  # a year
        unit = _unit(m.group("unit")) or unit_hint
        return Quantity(text=m.group(0).strip(), min=lo, max=hi, unit=unit)
    return None


def _unit(words: str | None) -> str | None:
    if not words:
        return None
    out = None
    for w in words.split():
        w = w.strip("\"'“”‘’").lower()
        if w in _UNIT_STOP:
            break
        out = w
    return out


def find(tokens: list[Token], unit_hint: str | None = None) -> Quantity | None:
    """The quantity inside the given argument heads' subtrees (first found)."""
    for head in tokens:
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
            head = head.head.head  # "thousands of drones", "1,000 containers of munitions"
        sub = list(head.subtree)
        if not sub:
            continue
        if not any(t.like_num or t.lower_ in _PLURAL or t.lower_ in ("dozens",) for t in sub):
            continue
        span = head.doc[sub[0].i : sub[-1].i + 1]
        q = parse(span.text, unit_hint)
        if q is not None:
            return q
    return None


def in_span(span: Span, unit_hint: str | None = None) -> Quantity | None:
    return parse(span.text, unit_hint)


__all__ = ["find", "in_span", "parse"]
