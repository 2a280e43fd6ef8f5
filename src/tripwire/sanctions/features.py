"""Small explained features. Each takes the two prepared names and returns ``(score, why)``;
``score`` is None when the feature does not apply. The matcher keeps the best score and
reports every feature that applied."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import OSA, Levenshtein

from tripwire.sanctions.normalize import Prepared, Token

Result = tuple[float | None, str]

# Weights of token kinds in the alignment (a word weighs its length, capped).
KIND_WEIGHT = {"particle": 1.0, "legal": 1.0, "generic": 1.5, "number": 1.5}
TYPO_FLOOR = 0.5  # below this two tokens are not aligned at all
CLOSE = 0.75  # at or above this an aligned pair counts as the same word
MISS_FACTOR = 0.78  # each word of the shorter name with no close partner multiplies the score
EXTRA_PERSON = 0.75  # unmatched extra words of a person's longer name weigh this much
ORDER_FACTOR = 0.85  # aligned words in an order that is no rotation of the other's
FORM_FACTOR = 0.85  # both organisations carry legal forms and share none
MONONYM_FACTOR = 0.75  # a one-word name against a name of several words
SYLLABIC_PENALTY = 0.2  # spelling differences in names written in Han or Hangul
SHORT = 4  # tokens of at most this many letters ...
SHORT_PENALTY = 0.15  # ... lose this much similarity when spelt differently


def weight(tok: Token) -> float:
    """How much a token says about identity: its length for words (2..9), less for the rest."""
    return KIND_WEIGHT.get(tok.kind, min(max(len(tok.text), 2), 9))


_SKELETON_FOLDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"), ("w", "v"),
                   ("y", "i"), ("j", "i"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"))


@cache
def skeleton(word: str) -> str:
    """A crude phonetic key: first letter, then consonants with doubles collapsed
    ("Usama"/"Osama" -> "sm" after the first, "Muhammad"/"Mohamed" -> "mhmd")."""
    w = word
    for a, b in _SKELETON_FOLDS:
        w = w.replace(a, b)
    rest = re.sub(r"[aeiouh]", "", w[1:])
    return (w[:1] if w[:1] not in "aeiou" else "") + re.sub(r"(.)\1+", r"\1", rest)


@cache
def token_similarity(a: Token, b: Token, initials: bool) -> tuple[float, str]:
    """Similarity of two tokens in 0..1 and its reason (equal, initial, sound, spelling)."""
    if a.text == b.text:
        return (1.0, "equal") if a.kind == b.kind or "word" in (a.kind, b.kind) else (0.9, "equal")
    if a.kind in ("legal", "number") or b.kind in ("legal", "number"):
        return 0.0, "different"
    x, y = a.text, b.text
    if initials and (len(x) == 1 or len(y) == 1):
        short, long_ = (x, y) if len(x) == 1 else (y, x)
        return (0.8, "initial") if long_.startswith(short) else (0.0, "different")
    sim = OSA.normalized_similarity(x, y)
    if max(len(x), len(y)) <= SHORT:  # one letter off in "Jin"/"Jun", "Tim"/"Tom" is a new name
        sim -= SHORT_PENALTY
    shorter, longer = sorted((len(x), len(y)))
    if shorter >= 4 and shorter / longer >= 0.75 and x[0] == y[0] \
            and len(skeleton(x)) >= 3 and skeleton(x) == skeleton(y):
        return max(sim, 0.8), "sound"
    return sim, "spelling"


def _align(q: tuple[Token, ...], c: tuple[Token, ...], initials: bool, syllabic: bool = False
           ) -> list[tuple[int, int, float, str]]:
    pairs = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            sim, why = token_similarity(a, b, initials)
            if syllabic and why == "spelling":  # "Xiaohong"/"Xiaoming": another syllable
                sim -= SYLLABIC_PENALTY
            if sim >= TYPO_FLOOR:
                pairs.append((sim, i, j, why))
    pairs.sort(key=lambda p: (-p[0], abs(p[1] - p[2])))
    used_q: set[int] = set()
    used_c: set[int] = set()
    out = []
    for sim, i, j, why in pairs:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            out.append((i, j, sim, why))
    return out


def is_rotation(order: list[int]) -> bool:
    """Is ``order`` a cyclic shift of its sorted self? ("LAST, First" moves one block.)"""
    n = len(order)
    rank = {v: k for k, v in enumerate(sorted(order))}
    first = rank[order[0]]
    return all(rank[v] == (first + m) % n for m, v in enumerate(order))


def token_alignment(q: Prepared, c: Prepared) -> Result:
    """Align tokens one to one in any order ("LAST, First", reordering), each pair scored by
    spelling, sound or initials; weighted Dice over all tokens. Penalties: every word of the
    shorter name without a close partner; words aligned in an order that is no rotation;
    organisations with different legal forms. A person's extra middle names weigh half."""
    if not q.tokens or not c.tokens:
        return None, ""
    person = q.schema in (None, "Person") and c.schema in (None, "Person")
    pairs = _align(q.tokens, c.tokens, person, q.cjk or c.cjk)
    got = sum(sim * (weight(q.tokens[i]) + weight(c.tokens[j])) for i, j, sim, _ in pairs)
    used_q = {i for i, _, _, _ in pairs}
    used_c = {j for _, j, _, _ in pairs}
    extra_q = sum(weight(t) for i, t in enumerate(q.tokens) if i not in used_q)
    extra_c = sum(weight(t) for j, t in enumerate(c.tokens) if j not in used_c)
    if person and q.schema == "Person":  # the longer name's extra words: middle names
        if len(q.tokens) > len(c.tokens):
            extra_q *= EXTRA_PERSON
        elif len(c.tokens) > len(q.tokens):
            extra_c *= EXTRA_PERSON
    matched = sum(weight(q.tokens[i]) + weight(c.tokens[j]) for i, j, _, _ in pairs)
    score = got / (matched + extra_q + extra_c)
    why: list[str] = []
    n_q = sum(t.kind == "word" for t in q.tokens)
    n_c = sum(t.kind == "word" for t in c.tokens)
    shorter, side = (q, 0) if n_q <= n_c else (c, 1)
    best = {p[side]: p[2] for p in pairs}
    misses = []
    for k, t in enumerate(shorter.tokens):
        sim = best.get(k, 0.0)
        if t.kind == "word" and sim < CLOSE:
            misses.append(t.text)
            score *= MISS_FACTOR ** (1 - max(sim - TYPO_FLOOR, 0) / (CLOSE - TYPO_FLOOR))
    if misses:
        why.append(f"unmatched {' '.join(misses)}")
    words = sorted((i, j) for i, j, _, _ in pairs if q.tokens[i].kind == "word")
    if len(words) >= 3 and not is_rotation([j for _, j in words]):
        score *= ORDER_FACTOR
        why.append("order differs")
    if min(n_q, n_c) == 1 and max(n_q, n_c) >= 2:
        score *= MONONYM_FACTOR
        why.append("one word against several")
    forms_q = {t.text for t in q.tokens if t.kind == "legal"}
    forms_c = {t.text for t in c.tokens if t.kind == "legal"}
    if forms_q and forms_c and not forms_q & forms_c:
        score *= FORM_FACTOR
        why.append(f"legal form {'/'.join(sorted(forms_q))}≠{'/'.join(sorted(forms_c))}")
    detail = ", ".join(f"{q.tokens[i].text}~{c.tokens[j].text}:{how}"
                       for i, j, _, how in sorted(pairs))
    return score, "; ".join([detail, *why])


def compact_match(q: Prepared, c: Prepared) -> Result:
    """Word joining and splitting ("Ramimakhlouf" / "Rami Makhlouf", "Good Will"/"Goodwill"):
    the names with spaces removed, compared by spelling, when their token counts differ."""
    if len(q.tokens) == len(c.tokens):
        return None, ""
    a = "".join(t.text for t in q.tokens if t.kind != "legal")
    b = "".join(t.text for t in c.tokens if t.kind != "legal")
    if min(len(a), len(b)) < 6:
        return None, ""
    sim = Levenshtein.normalized_similarity(a, b)
    return (sim, f"joined {a}~{b}") if sim >= 0.9 else (None, "")


def korean_name(q: Prepared, c: Prepared) -> Result:
    """Korean names: surnames by their table (Ri/Lee/Rhee/Yi, Pak/Park, Choe/Choi, O/Oh), given
    names by a key that merges McCune-Reischauer, Revised Romanization and news spellings
    (Jong/Jung/Chong, o/eo/u, oo/u, voicing, hyphens, spacing). Hangul against Hangul is
    compared syllable for syllable instead."""
    a, b = q.korean, c.korean
    if a is None or b is None:
        return None, ""
    if a.surname != b.surname:
        return 0.0, f"surname {a.surname}≠{b.surname}"
    if q.hangul and c.hangul:
        sim = 1.0 if a.exact == b.exact else 0.0
        return sim, f"hangul {a.exact}{'=' if sim else '≠'}{b.exact}"
    if a.given == b.given:
        return 1.0, f"korean key {a.surname} {a.given}"
    sim = Levenshtein.normalized_similarity(a.given, b.given)
    if sim >= 0.85:  # a doubled or dropped letter ("Jong-uun")
        return 0.9 * sim, f"korean key {a.given}~{b.given}"
    return None, ""


def identifier(q: Prepared, c: Prepared) -> Result:
    """Exact identifiers: a shared IMO number makes a vessel match outright."""
    shared = set(q.imo) & set(c.imo)
    return (1.0, f"IMO {min(shared)}") if shared else (None, "")


_STOP = frozenset({"of", "and", "the", "for", "in", "de", "du", "des"})


@cache
def _acronym_of(acronym: str, words: tuple[str, ...]) -> bool:
    """Can ``acronym`` be spelt by a prefix of each of ``words`` in turn (stopwords and
    trailing words may be skipped)? KOMID = KOrea MIning Development."""
    if not acronym:
        return True
    if not words:
        return False
    head, rest = words[0], words[1:]
    if head in _STOP and _acronym_of(acronym, rest):
        return True
    for k in range(min(len(head), len(acronym), 3), 0, -1):
        if acronym[:k] == head[:k] and _acronym_of(acronym[k:], rest):
            return True
    return False


def acronym(q: Prepared, c: Prepared) -> Result:
    """Acronyms of organisations (KOMID, PLA): a one-word name of 3-8 letters spelt by the
    beginnings of the other name's words in order, starting with its first word."""
    if q.schema in ("Person", "Vessel") or c.schema in ("Person", "Vessel"):
        return None, ""
    for short, long_ in ((q, c), (c, q)):
        words = [t.text for t in short.tokens if t.kind != "legal"]
        other = tuple(t.text for t in long_.tokens if t.kind != "legal")
        if len(words) == 1 and 3 <= len(words[0]) <= 8 and words[0].isalpha() \
                and len(other) >= 2 and words[0][0] == other[0][0] \
                and words[0] not in other and _acronym_of(words[0], other):
            strict = "".join(w[0] for w in other if w not in _STOP) == words[0]
            return (0.85 if strict else 0.8), f"acronym {words[0]}"
    return None, ""


FEATURES = (identifier, korean_name, token_alignment, compact_match, acronym)
