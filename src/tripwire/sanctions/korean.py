"""Korean names: Hangul romanisation, and a spelling key on which McCune-Reischauer (UN, OFAC),
Revised Romanization and news spellings of one name meet.

``Kim Jong-un``, ``KIM JONG UN``, ``Kim Jeong-eun``, ``김정은`` all read as surname ``kim`` and
given-name key ``conon``; ``Ri Pyong-chol`` and ``Lee Byung-chul`` as ``ri`` / ``poncor``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tripwire.datafiles import read_yaml

_SYLLABLE = (r"(?:kk|tch|ch|jj|pp|ss|sh|tt|th|kh|ph|[kgndtrlmbpsjhcw])?"
             r"(?:yeo|yae|wae|eo|eu|ae|ya|yo|yu|ye|wa|wo|we|wi|ui|oe|oo|ou|oi|ee|a|e|i|o|u)"
             r"(?:ng|n|l|m|k|p|t|r)?")
_SYLLABLES_RE = re.compile(f"(?:{_SYLLABLE}){{1,3}}")

# Ordered rewrites: vowels first, then consonants (voicing and aspiration marks dropped).
_FOLDS: tuple[tuple[str, str], ...] = (
    ("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ou", "o"), ("oi", "oe"),
    ("ui", "i"), ("ee", "i"), ("u", "o"),
    ("ng", "N"), ("tch", "c"), ("ch", "c"), ("jj", "c"), ("j", "c"), ("kk", "k"), ("kh", "k"),
    ("g", "k"), ("tt", "t"), ("th", "t"), ("d", "t"), ("pp", "p"), ("ph", "p"), ("b", "p"),
    ("f", "p"), ("ss", "s"), ("sh", "s"), ("rh", "r"), ("l", "r"), ("N", "ng"),
)


@cache
def tables() -> dict[str, Any]:
    """``data/korean.yaml`` with the surname spellings inverted to spelling -> canonical."""
    data: dict[str, Any] = read_yaml("tripwire.sanctions", "data/korean.yaml")
    inv = {v: canon for canon, vs in data["surnames"].items() for v in vs}
    data["surname_of"] = inv
    data["known"] = frozenset(inv) | frozenset(data["common"])
    return data


def romanize_hangul(text: str) -> str:
    """Hangul syllables -> Revised Romanization, syllables separated by spaces ("kim jeong eun")."""
    t = tables()
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            i, rest = divmod(code, 588)
            m, f = divmod(rest, 28)
            out.append(t["initials"][i] + t["medials"][m] + t["finals"][f])
        else:
            out.append(ch)
    return " ".join(out)


def romanize_hangul_name(text: str, hangul_re: re.Pattern[str]) -> str:
    """Romanise every Hangul word, its syllables joined ("승민" -> "seungmin"). A name that is
    one Hangul word of 2-4 syllables is read surname first: "김정은" -> "gim jeongeun"."""
    words = hangul_re.findall(text)
    if len(words) == 1 and words[0] == text.strip() and 2 <= len(words[0]) <= 4:
        w = words[0]
        cut = 2 if w[:2] in tables()["double_surnames"] and len(w) > 2 else 1
        return romanize_hangul(w[:cut]).replace(" ", "") + " " + \
            romanize_hangul(w[cut:]).replace(" ", "")
    return hangul_re.sub(lambda m: " " + romanize_hangul(m.group(0)).replace(" ", "") + " ",
                         text)


@cache
def fold_syllables(text: str) -> str:
    """The spelling key of romanised Korean syllables: "Byeong", "Pyong" and "Byung" all give
    "pyon" -- vowels eo/o/u merge, voicing and aspiration marks drop, l/r merge."""
    key = text.lower().replace("-", "").replace("'", "")
    for a, b in _FOLDS:
        key = key.replace(a, b)
    key = re.sub(r"([^g])\1+", r"\1", key)
    return re.sub(r"(?<=[aeiou])h$", "", key)


def surname_key(word: str) -> str | None:
    """The canonical surname for a spelling ("lee", "rhee", "yi" -> "ri"), None if not Korean."""
    t = tables()
    if word in t["surname_of"]:
        return str(t["surname_of"][word])
    return fold_syllables(word) if word in t["known"] else None


@dataclass(frozen=True, slots=True)
class KoreanName:
    """A name read as Korean: surname key, given-name key, and the unfolded syllables."""

    surname: str
    given: str
    exact: str


def read_name(words: list[str], hangul: bool = False) -> KoreanName | None:
    """Read ``words`` as a Korean person name (surname first, 1-3 given syllables), else None.

    Romanised Hangul arrives one syllable per word; Latin spellings may split the given name
    with hyphens or spaces, or write it in one word ("Jongun")."""
    if not 2 <= len(words) <= 4:
        return None
    surname = surname_key(words[0])
    given = words[1:]
    if surname is None or not all(_SYLLABLES_RE.fullmatch(w) for w in given):
        return None
    if len("".join(given)) > 12:
        return None
    return KoreanName(surname, fold_syllables("".join(given)), " ".join(words))
