"""How much: quantity expressions → :class:`tripwire.model.Quantity` (min, max, unit).

"millions of rockets" → min 1e6; "more than 1,000 containers" → min 1000; "up to several
hundred" → max hundreds; "nearly 11,000" → max 11000; "around 12,000 troops" → 12000..12000;
"hundreds of thousands of rounds" → min 1e5; "6 million 152-mm shells" → 6e6..6e6;
"between 10,000 and 12,000 troops" → 10000..12000; "1.5 million shells" → 1.5e6;
"several thousand troops" → min 3000; "dozens of drones" → min 12.

An amount is read as a whole: a number with thousands separators ("10,000") or a decimal
("1.5"), a number word, an optional scale ("million"); never a fragment of a longer number.
The unit is the noun the amount counts — from the parse when tokens are at hand (the head
noun after the amount, never a verb: "10,000 soldiers sent to …" → soldiers), else the last
word of the noun-like run after the amount.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from tripwire.model import Quantity

_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "several": 3, "a few": 3,
    "a couple of": 2, "a dozen": 12, "half a": 0.5,
}
# words that give a lower bound only ("several thousand" is at least three thousand)
_VAGUE = frozenset({"several", "a few"})
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_PLURAL = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1e9,
           "dozens": 12, "scores": 20, "tens of thousands": 10_000,
           "hundreds of thousands": 100_000, "tens of millions": 10_000_000,
           "hundreds of millions": 100_000_000}
_LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
          "no less than", "a minimum of")
_UPPER = ("up to", "nearly", "almost", "less than", "fewer than", "under", "as many as",
          "no more than", "at most", "a maximum of", "close to")
_ABOUT = ("about", "around", "approximately", "roughly", "an estimated", "some", "estimated",
          "a total of", "a further", "another", "an additional", "at least some")


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    r"(?<![\w])(?<!\d[,.])(?:"
    r"(?P<plural>" + _alt(_PLURAL) + r")(?:\s+of\s+(?P<plural2>thousands|millions))?"
    r"|(?P<num>" + _DIGITS + r"|" + _alt(_WORDS) + r")"
    r"(?:[\s-]+(?P<scale>(?:hundred|thousand|million|billion)s?)\b"
    r"(?:\s+of\s+(?P<plural3>thousands|millions))?)?"
    r")(?![\w])(?!,\d)(?!\.\d)",
    re.IGNORECASE,
)
_MOD = re.compile(r"(?:^|\s)(?P<mod>" + _alt(_LOWER + _UPPER + _ABOUT) + r")\s+$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:^|\s)(?P<w>between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
# an amount glued to a measure is a calibre or a share, not a count ("152mm", "60 percent")
_MEASURE = re.compile(r"\s?-?\s?(?:mm|cm|km|kg|millimet|centimet|kilomet|percent|per cent|%|"
                      r"st\b|nd\b|rd\b|th\b|year|month|week|day|hour|minute|a\.m|p\.m)",
                      re.IGNORECASE)
_UNIT_STOP = frozenset({"of", "the", "and", "or", "to", "from", "in", "into", "for", "with", "by",
                        "on", "at", "a", "an", "its", "their", "that", "which", "who", "were",
                        "was", "are", "is", "be", "been", "being", "have", "has", "had", "will",
                        "would", "could", "may", "might", "can", "should", "must", "sent",
                        "including", "reportedly", "allegedly", "already", "each", "per",
                        "as", "than", "this", "these", "those", "it", "they", "he", "she"})
_UNIT_WORD = re.compile(r"[A-Za-z][\w-]*$|\d+[-]?[A-Za-z][\w-]*$")


def _number(num: str) -> float | None:
    n = re.sub(r"\s+", " ", num.lower().replace(",", ""))
    if n in _WORDS:
        return float(_WORDS[n])
    try:
        return float(n)
    except ValueError:
        return None


def _value(m: re.Match[str]) -> tuple[float, bool] | None:
    """The amount of one ``_AMOUNT`` match, and whether it is only a lower bound."""
    if m.group("plural"):
        value = float(_PLURAL[m.group("plural").lower()])
        if m.group("plural2"):
            value *= _PLURAL[m.group("plural2").lower()]
        return value, True
    num = m.group("num")
    n = _number(num)
    if n is None:
        return None
    scale = m.group("scale")
    if scale:
        n *= _SCALE[scale.lower().rstrip("s")]
        if scale.lower().endswith("s"):  # "several thousands"
            return n, True
        if m.group("plural3"):  # "a few hundred of thousands" is rare; read as a bound
            n *= _PLURAL[m.group("plural3").lower()]
            return n, True
    elif num.lower() in ("a", "an", "one", "a couple of", "half a", "a dozen", "a few"):
        if num.lower() not in ("a dozen",):
            return None  # an article, not a count
    elif re.fullmatch(r"\d{4}", num) and 1900 < n < 2100:
        return None  # a year
    return n, num.lower() in _VAGUE


def parse(text: str, unit_hint: str | None = None, tokens: Span | None = None) -> Quantity | None:
    """The first quantity in ``text``; ``unit_hint`` names the unit when the text omits it.

    ``tokens``, a parsed span whose text is ``text``, lets the unit be read from the parse."""
    matches = list(_AMOUNT.finditer(text))
    skip = -1
    for k, m in enumerate(matches):
        if k <= skip:
            continue
        if _MEASURE.match(text, m.end()):
            continue
        got = _value(m)
        if got is None:
            continue
        value, lower_only = got
        lo: float | None = value
        hi: float | None = None if lower_only else value
        start, end = m.start(), m.end()
        # a range: "between 10,000 and 12,000", "10,000 to 12,000", "10,000-12,000"
        if k + 1 < len(matches):
            nxt = matches[k + 1]
            join = _RANGE_JOIN.fullmatch(text, m.end(), nxt.start())
            opener = _RANGE_OPEN.search(text, 0, start)
            if join and (opener or join.group(0).strip() in {"-", "–", "—", "to"}):
                second = _value(nxt)
                if second is not None:
                    hi_v = second[0]
                    if m.group("num") and not m.group("scale") and nxt.group("scale"):
                        # "1 to 2 million": the scale of the second amount is the first's too
                        lo = value * _SCALE[nxt.group("scale").lower().rstrip("s")]
                    if lo is not None and hi_v >= lo:
                        hi = hi_v
                        end = nxt.end()
                        skip = k + 1
                        if opener:
                            start = opener.start("w")
        mod_m = _MOD.search(text, 0, start)
        if mod_m is not None and hi is not None and lo == hi:
            mod = mod_m.group("mod").lower()
            if mod in _LOWER:
                hi = None
            elif mod in _UPPER:
                lo = None
            start = mod_m.start("mod")
        elif mod_m is not None and mod_m.group("mod").lower() in _UPPER and lower_only:
            lo, hi = None, value  # "up to several hundred"
            start = mod_m.start("mod")
        elif mod_m is not None:
            start = mod_m.start("mod")
        unit, unit_end = _unit(text, end, tokens)
        return Quantity(text=text[start:max(end, unit_end)].strip(), min=lo, max=hi,
                        unit=unit or unit_hint)
    return None


def _unit(text: str, end: int, tokens: Span | None) -> tuple[str | None, int]:
    """The noun counted by the amount ending at ``end``, and where its words end."""
    if tokens is not None:
        found = _unit_from_parse(tokens, end)
        if found is not None:
            return found
    rest = text[end:]
    m = re.match(r"\s*(?:of\s+)?", rest)
    pos = end + (m.end() if m else 0)
    unit: str | None = None
    unit_end = end
    prev = 0
    for w in re.finditer(r"[^\s,;:()]+", text[pos:]):
        word = w.group(0).strip("\"'“”‘’.")
        low = word.lower()
        if w.start() > prev and not text[pos + prev : pos + w.start()].isspace():
            break
        prev = w.end()
        if not word or low in _UNIT_STOP or not _UNIT_WORD.match(word) or w.start() > 60:
            break
        if unit is not None and low.endswith("ed") and not low.endswith("eed"):
            break  # "soldiers deployed …": a verb after the noun
        unit = low
        unit_end = pos + w.end()
        if w.group(0).endswith((",", ".", ";")) or len(unit.split()) > 4:
            break
        if re.search(r"[\"'“”‘’]$", w.group(0)) and w.group(0)[-1] in "'’" and low.endswith("s"):
            break  # "containers'"
    return unit, unit_end


def _unit_from_parse(span: Span, end: int) -> tuple[str | None, int] | None:
    """The head noun after the amount in the parse: the first noun that is not a compound
    modifier of a later one ("152mm artillery shells" → shells, "soldiers sent" → soldiers)."""
    base = span.start_char
    after = [t for t in span if t.idx - base >= end]
    i = 0
    while i < len(after) and (after[i].lower_ in {"of", "-"} or after[i].is_quote):
        i += 1
    seen_noun: Token | None = None
    for t in after[i : i + 6]:
        if t.pos_ in {"NOUN", "PROPN"}:
            seen_noun = t
            if t.dep_ not in {"compound", "nmod"} and t.pos_ == "NOUN":
                break
            continue
        if t.pos_ in {"ADJ", "NUM"} or (t.tag_ == "VBN" and t.dep_ == "amod") \
                or (t.text in {"-", "'", "’"}):
            if seen_noun is not None and t.pos_ != "ADJ":
                break
            continue
        break
    if seen_noun is None:
        return None
    return seen_noun.lower_, seen_noun.idx + len(seen_noun.text) - base


def find(tokens: list[Token], unit_hint: str | None = None) -> Quantity | None:
    """The quantity inside the given argument heads' subtrees (first found)."""
    for head in tokens:
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
            head = head.head.head  # "thousands of drones", "1,000 containers of munitions"
        sub = list(head.subtree)
        if not sub:
            continue
        if not any(t.like_num or t.lower_ in _PLURAL or t.lower_ in _WORDS for t in sub):
            continue
        span = head.doc[sub[0].i : sub[-1].i + 1]
        q = parse(span.text, unit_hint, span)
        if q is not None:
            return q
    return None


def in_span(span: Span, unit_hint: str | None = None) -> Quantity | None:
    return parse(span.text, unit_hint, span)


__all__ = ["find", "in_span", "parse"]
