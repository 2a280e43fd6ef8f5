"""From a raw name to the tokens the matcher compares.

Steps, each a small function: Unicode folding and transliteration (Hangul by our own table so
Korean names keep their syllables; every other script by Unidecode), punctuation and
abbreviations, then per-schema handling: titles for people, legal forms and generic words for
organisations, numbers for organisations and vessels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from unidecode import unidecode

from tripwire.datafiles import read_yaml
from tripwire.sanctions import korean

_DOTTED_RE = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b\.?)?")
_APOS_RE = re.compile(r"[’'`ʼ‘ʻ´]")
_NONWORD_RE = re.compile(r"[^\w]+")
_SPLIT_NUM_RE = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _han_word(word: str, alone: bool) -> str:
    """Chinese characters to pinyin, one word per written word ("建成" -> "jiancheng"); a name
    that is one word of 2-4 characters is read surname first ("张建" -> "zhang jian")."""
    if alone and 2 <= len(word) <= 4:
        return unidecode(word[0]).strip() + " " + unidecode(word[1:]).replace(" ", "")
    return " " + unidecode(word).replace(" ", "") + " "


def romanize_han(text: str) -> str:
    words = _HAN_RE.findall(text)
    alone = len(words) == 1 and words[0] == text.strip()
    return _HAN_RE.sub(lambda m: _han_word(m.group(0), alone), text)


_IMO_RE = re.compile(r"\b(?:imo\s*(?:no\.?|number)?\s*:?\s*)?(\d{7})\b", re.I)


@cache
def tables() -> dict[str, Any]:
    """The lookup tables of ``data/names.yaml``, with legal forms as a variant -> tag map."""
    data: dict[str, Any] = read_yaml("tripwire.sanctions", "data/names.yaml")
    forms: dict[str, str] = {}
    for tag, variants in data["legal_forms"].items():
        for v in variants:
            forms[" ".join(_NONWORD_RE.sub(" ", v.lower()).split())] = tag
    data["form_map"] = forms
    data["form_re"] = re.compile(
        r"\b(" + "|".join(re.escape(v) for v in sorted(forms, key=len, reverse=True)) + r")\b")
    for key in ("titles", "particles", "org_generic"):
        data[key] = frozenset(data[key])
    return data


class Token(NamedTuple):
    """One name part. ``kind``: word, particle, legal (a legal-form tag), generic, number."""

    text: str
    kind: str = "word"


# Weights of token kinds in the alignment (a word weighs its length, 2..9).
KIND_WEIGHT = {"particle": 1.0, "legal": 1.0, "generic": 1.5, "number": 1.5}


def weight(tok: Token) -> float:
    """How much a token says about identity: its length for words (2..9), less for the rest."""
    return KIND_WEIGHT.get(tok.kind, min(max(len(tok.text), 2), 9))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A name ready to compare: its tokens, a Korean reading if it has one, IMO numbers, and
    the forms the features read, computed once here so that comparing is only comparing."""

    raw: str
    schema: str | None
    tokens: tuple[Token, ...]
    hangul: bool
    korean: korean.KoreanName | None
    imo: tuple[str, ...]
    cjk: bool = False  # written in Han or Hangul: syllables, not letters, are the units
    texts: tuple[str, ...] = ()  # token texts
    kinds: tuple[str, ...] = ()  # token kinds
    weights: tuple[float, ...] = ()  # :func:`weight` of each token
    total_weight: float = 0.0  # their sum
    skeletons: tuple[str, ...] = ()  # phonetic skeleton of each token
    n_words: int = 0  # tokens of kind "word"
    word_positions: tuple[int, ...] = ()  # where they are
    forms: frozenset[str] = frozenset()  # legal-form tags
    plain: tuple[str, ...] = ()  # texts of the tokens that are no legal form
    compact: str = ""  # ``plain`` joined: "Good Will" -> "goodwill"
    # where each text occurs among the tokens: equal tokens are found by lookup
    positions: dict[str, tuple[int, ...]] = field(default_factory=dict, hash=False,
                                                  compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        return self.texts


_SKELETON_FOLDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"), ("w", "v"),
                   ("y", "i"), ("j", "i"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"))
_VOWELS_H_RE = re.compile(r"[aeiouh]")
_DOUBLES_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A crude phonetic key: first letter, then consonants with doubles collapsed
    ("Usama"/"Osama" -> "sm" after the first, "Muhammad"/"Mohamed" -> "mhmd")."""
    w = word
    for a, b in _SKELETON_FOLDS:
        w = w.replace(a, b)
    rest = _VOWELS_H_RE.sub("", w[1:])
    return (w[:1] if w[:1] not in "aeiou" else "") + _DOUBLES_RE.sub(r"\1", rest)


def fold(text: str) -> str:
    """NFKC, Hangul romanised syllable by syllable, other scripts transliterated, lower case."""
    if not text.isascii():  # ASCII is its own NFKC form and transliteration
        text = unicodedata.normalize("NFKC", text)
        text = korean.romanize_hangul_name(text, _HANGUL_RE)
        text = romanize_han(text)
    text = _APOS_RE.sub("", text)
    text = text.replace("&", " and ").replace("ß", "ss")
    if "." in text:
        text = _DOTTED_RE.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    if not text.isascii():
        text = _APOS_RE.sub("", unidecode(text))
    return text.lower()


_LEET = str.maketrans("013457@9$", "oieastagS".lower())
_LEETY_RE = re.compile(r"[0-9@$]")
_DIGIT_RE = re.compile(r"\d")
_LEET_RE = re.compile(r"\b(?=\w*[a-z])(?=\w*[0-9@$])[\w@$]+\b")


def unleet(text: str) -> str:
    """Digits inside words read as letters ("Ig0r Sech1n" -> "igor sechin"); people only."""
    if not _LEETY_RE.search(text):  # nothing to read: the common case, and cheaper
        return text
    return _LEET_RE.sub(lambda m: m.group(0).translate(_LEET), text)


def _words(text: str) -> list[str]:
    text = _NONWORD_RE.sub(" ", text.replace("_", " "))
    if _DIGIT_RE.search(text):  # "boeing737" -> "boeing 737"
        text = _SPLIT_NUM_RE.sub(" ", text)
    return text.split()


def person_tokens(words: list[str]) -> list[Token]:
    """Drop titles ("Mr.", "President"), mark particles ("al", "bin", "van")."""
    t = tables()
    kept = [w for w in words if w not in t["titles"]] or words
    return [Token(w, "particle" if w in t["particles"] and len(kept) > 2 else "word")
            for w in kept]


def org_tokens(words: list[str], numbers: bool = True) -> list[Token]:
    """Legal forms become their tag ("limited liability company" -> llc), numbers digits."""
    t = tables()
    joined = t["form_re"].sub(lambda m: "\x00" + t["form_map"][m.group(1)] + "\x00",
                              " ".join(words))
    out: list[Token] = []
    for part in joined.split("\x00"):
        if part in t["legal_forms"]:
            out.append(Token(part, "legal"))
            continue
        for w in part.split():
            if numbers and w in t["numbers"]:
                out.append(Token(t["numbers"][w], "number"))
            elif w.isdigit():
                out.append(Token(w.lstrip("0") or "0", "number"))
            elif w in t["org_generic"]:
                out.append(Token(w, "generic"))
            else:
                out.append(Token(w, "word"))
    if all(tok.kind != "word" for tok in out):  # "General Trading Co." -> keep its words
        out = [Token(x.text, "word") if x.kind == "generic" else x for x in out]
    return out


def vessel_tokens(words: list[str]) -> list[Token]:
    """Vessel names: numbers kept as number tokens, no legal forms."""
    t = tables()
    return [Token(t["numbers"].get(w, w), "number" if w.isdigit() or w in t["numbers"]
                  else "word") for w in words]


@lru_cache(maxsize=1 << 16)
def prepare(name: str, schema: str | None = None) -> Prepared:
    """Normalise ``name`` for ``schema`` (Person, Organization, Vessel, Aircraft or None)."""
    folded = fold(name)
    words = _words(unleet(folded) if schema == "Person" else folded)
    imo = tuple(m.group(1) for m in _IMO_RE.finditer(name)) if schema in (None, "Vessel") else ()
    if schema == "Person":
        tokens = person_tokens(words)
    elif schema == "Vessel":
        tokens = vessel_tokens([w for w in words if w not in imo and w != "imo"])
    elif schema in ("Organization", "Aircraft"):
        tokens = org_tokens(words)
    else:
        tokens = [Token(w) for w in words]
    ascii_ = name.isascii()
    hangul = not ascii_ and bool(_HANGUL_RE.search(name)) and not _LATIN_RE.search(name)
    kname = korean.read_name([t.text for t in tokens], hangul) if schema in (None, "Person") \
        else None
    cjk = not ascii_ and bool(_HANGUL_RE.search(name) or _HAN_RE.search(name))
    texts = tuple(t.text for t in tokens)
    kinds = tuple(t.kind for t in tokens)
    plain = tuple(t.text for t in tokens if t.kind != "legal")
    weights = tuple(weight(t) for t in tokens)
    positions: dict[str, tuple[int, ...]] = {}
    for k, x in enumerate(texts):
        positions[x] = (*positions.get(x, ()), k)
    return Prepared(name, schema, tuple(tokens), hangul, kname, imo, cjk,
                    texts=texts, kinds=kinds, weights=weights, total_weight=sum(weights),
                    # skeletons are compared only between words of four letters or more
                    skeletons=tuple(skeleton(x) if len(x) >= 4 else "" for x in texts),
                    n_words=kinds.count("word"),
                    word_positions=tuple(k for k, kind in enumerate(kinds) if kind == "word"),
                    forms=frozenset(t.text for t in tokens if t.kind == "legal"),
                    plain=plain, compact="".join(plain), positions=positions)
