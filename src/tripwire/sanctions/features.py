"""Small explained features. Each takes the two prepared names and returns ``(score, why)``;
``score`` is None when the feature does not apply. The matcher keeps the best score and
reports every feature that applied."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rapidfuzz.distance import OSA, Levenshtein

from tripwire.sanctions.normalize import KIND_WEIGHT, Prepared, Token, skeleton, weight

__all__ = ["FEATURES", "KIND_WEIGHT", "AlignmentWhy", "Result", "acronym", "alignment",
           "alignment_why", "compact_match", "identifier",
           "korean_name", "skeleton", "token_alignment", "token_similarity", "weight"]

Result = tuple[float | None, str]

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
_EXACT_KINDS = frozenset({"legal", "number"})  # tokens that match only when equal


def _similarity(x: str, kx: str, sx: str, y: str, ky: str, sy: str, initials: bool
                ) -> tuple[float, str]:
    """:func:`token_similarity` on a token's text, kind and skeleton (no objects built)."""
    if x == y:
        return (1.0, "equal") if kx == ky or kx == "word" or ky == "word" else (0.9, "equal")
    if kx in _EXACT_KINDS or ky in _EXACT_KINDS:
        return 0.0, "different"
    lx, ly = len(x), len(y)
    if initials and (lx == 1 or ly == 1):
        short, long_ = (x, y) if lx == 1 else (y, x)
        return (0.8, "initial") if long_.startswith(short) else (0.0, "different")
    sim = OSA.normalized_similarity(x, y)
    shorter, longer = (lx, ly) if lx <= ly else (ly, lx)
    if longer <= SHORT:  # one letter off in "Jin"/"Jun", "Tim"/"Tom" is a new name
        sim -= SHORT_PENALTY
    if shorter >= 4 and shorter / longer >= 0.75 and x[0] == y[0] \
            and len(sx) >= 3 and sx == sy:
        return max(sim, 0.8), "sound"
    return sim, "spelling"


def token_similarity(a: Token, b: Token, initials: bool) -> tuple[float, str]:
    """Similarity of two tokens in 0..1 and its reason (equal, initial, sound, spelling)."""
    return _similarity(a.text, a.kind, skeleton(a.text), b.text, b.kind, skeleton(b.text),
                       initials)


def _align(q: Prepared, c: Prepared, initials: bool, syllabic: bool
           ) -> list[tuple[int, int, float, str]]:
    """Tokens aligned one to one, greedily by similarity (ties: nearer positions first).

    Equal tokens of compatible kinds (similarity 1.0) head that order, so they are aligned
    first from a lookup, and only the tokens left over are compared pair by pair."""
    qt, qk, ct, ck = q.texts, q.kinds, c.texts, c.kinds
    where = c.positions
    equal = [(abs(i - j), i, j) for i, x in enumerate(qt) if x in where for j in where[x]
             if qk[i] == ck[j] or qk[i] == "word" or ck[j] == "word"]
    used_q: set[int]
    used_c: set[int]
    out: list[tuple[int, int, float, str]]
    rest_c: Sequence[int] = range(len(ct))
    if not equal:
        used_q, used_c, out = set(), set(), []
    else:
        if len(equal) > 1:
            equal.sort()  # by distance, then position: the order of the sort below
        if len(q.positions) == len(qt) and len(where) == len(ct):
            # No text repeats within either name: no two equal pairs share a token, so
            # every one is taken, in that order.
            out = [(i, j, 1.0, "equal") for _, i, j in equal]
            if len(out) == len(qt) or len(out) == len(ct):
                return out
            used_q = {i for _, i, _ in equal}
            used_c = {j for _, _, j in equal}
        else:
            used_q, used_c, out = set(), set(), []
            for _, i, j in equal:
                if i not in used_q and j not in used_c:
                    used_q.add(i)
                    used_c.add(j)
                    out.append((i, j, 1.0, "equal"))
            if len(used_q) == len(qt) or len(used_c) == len(ct):
                return out
        rest_c = [j for j in rest_c if j not in used_c]
    pairs = []
    qs, cs = q.skeletons, c.skeletons
    for i, x in enumerate(qt):
        if i in used_q:
            continue
        kx, sx, lx = qk[i], qs[i], len(x)
        for j in rest_c:
            y = ct[j]
            ly = len(y)
            # OSA similarity is at most the ratio of the lengths: below the floor no pair
            # forms, unless one token is an initial.
            if (ly < lx and ly < TYPO_FLOOR * lx or lx < ly and lx < TYPO_FLOOR * ly) \
                    and not (initials and (lx == 1 or ly == 1)):
                continue
            sim, why = _similarity(x, kx, sx, y, ck[j], cs[j], initials)
            if syllabic and why == "spelling":  # "Xiaohong"/"Xiaoming": another syllable
                sim -= SYLLABIC_PENALTY
            if sim >= TYPO_FLOOR:
                pairs.append((-sim, abs(i - j), i, j, why))
    if len(pairs) > 1:
        pairs.sort()  # best first; ties: nearer positions, then the order found
    for neg, _, i, j, why in pairs:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            out.append((i, j, -neg, why))
    return out


def is_rotation(order: list[int]) -> bool:
    """Is ``order`` a cyclic shift of its sorted self? ("LAST, First" moves one block.)"""
    n = len(order)
    rank = {v: k for k, v in enumerate(sorted(order))}
    first = rank[order[0]]
    return all(rank[v] == (first + m) % n for m, v in enumerate(order))


# What :func:`alignment` found, from which :func:`alignment_why` writes its reason: the
# aligned pairs (i, j, similarity, how), the two names' token texts, the shorter name's
# words without a close partner, and whether the order, mononym and legal-form penalties
# applied. The text is written only when it is read.
AlignmentWhy = tuple[list[tuple[int, int, float, str]], Prepared, Prepared, list[str],
                     bool, bool, bool]


def alignment(q: Prepared, c: Prepared) -> tuple[float, AlignmentWhy] | None:
    """:func:`token_alignment` with its reason left unwritten (None: does not apply)."""
    if not q.tokens or not c.tokens:
        return None
    qt = q.texts
    if qt == c.texts and q.kinds == c.kinds:
        # The same prepared name: every token aligned to itself, no penalty, and the score
        # (twice the weights over twice the weights, exact in halves) is 1.
        return 1.0, ([(i, i, 1.0, "equal") for i in range(len(qt))], q, c, [], False, False,
                     False)
    qs, cs = q.schema, c.schema
    person = (qs is None or qs == "Person") and (cs is None or cs == "Person")
    pairs = _align(q, c, person, q.cjk or c.cjk)
    wq, wc = q.weights, c.weights
    got = matched_q = matched_c = 0.0
    n_q, n_c = q.n_words, c.n_words
    q_shorter = n_q <= n_c
    best: dict[int, float] = {}  # similarity of each aligned token of the shorter name
    if q_shorter:
        for i, j, sim, _ in pairs:
            a, b = wq[i], wc[j]
            got += sim * (a + b)
            matched_q += a
            matched_c += b
            best[i] = sim
    else:
        for i, j, sim, _ in pairs:
            a, b = wq[i], wc[j]
            got += sim * (a + b)
            matched_q += a
            matched_c += b
            best[j] = sim
    # Weights are whole or half numbers, so these differences are exact.
    extra_q = q.total_weight - matched_q
    extra_c = c.total_weight - matched_c
    if person and qs == "Person":  # the longer name's extra words: middle names
        if len(wq) > len(wc):
            extra_q *= EXTRA_PERSON
        elif len(wc) > len(wq):
            extra_c *= EXTRA_PERSON
    score = got / (matched_q + matched_c + extra_q + extra_c)
    shorter = q if q_shorter else c
    misses = []
    for k in shorter.word_positions:
        sim = best.get(k, 0.0)
        if sim < CLOSE:
            misses.append(shorter.texts[k])
            score *= MISS_FACTOR ** (1 - max(sim - TYPO_FLOOR, 0) / (CLOSE - TYPO_FLOOR))
    order_differs = False
    if len(pairs) >= 3:
        qk = q.kinds
        order = [j for i, j, _, _ in sorted(pairs) if qk[i] == "word"]  # by i: unique
        # an order already sorted is a rotation (by none): the common case, checked cheaply
        if len(order) >= 3 and order != sorted(order) and not is_rotation(order):
            score *= ORDER_FACTOR
            order_differs = True
    mono = n_q == 1 and n_c >= 2 or n_c == 1 and n_q >= 2
    if mono:
        score *= MONONYM_FACTOR
    forms_differ = bool(q.forms and c.forms and not q.forms & c.forms)
    if forms_differ:
        score *= FORM_FACTOR
    return score, (pairs, q, c, misses, order_differs, mono, forms_differ)


def alignment_why(data: AlignmentWhy) -> str:
    """The reason :func:`token_alignment` gives, from what :func:`alignment` found."""
    pairs, q, c, misses, order_differs, mono, forms_differ = data
    why: list[str] = []
    if misses:
        why.append(f"unmatched {' '.join(misses)}")
    if order_differs:
        why.append("order differs")
    if mono:
        why.append("one word against several")
    if forms_differ:
        why.append(f"legal form {'/'.join(sorted(q.forms))}≠{'/'.join(sorted(c.forms))}")
    qt, ct = q.texts, c.texts
    detail = ", ".join([f"{qt[i]}~{ct[j]}:{how}" for i, j, _, how in sorted(pairs)])
    return "; ".join([detail, *why]) if why else detail


def token_alignment(q: Prepared, c: Prepared) -> Result:
    """Align tokens one to one in any order ("LAST, First", reordering), each pair scored by
    spelling, sound or initials; weighted Dice over all tokens. Penalties: every word of the
    shorter name without a close partner; words aligned in an order that is no rotation;
    organisations with different legal forms. A person's extra middle names weigh half."""
    found = alignment(q, c)
    if found is None:
        return None, ""
    return found[0], alignment_why(found[1])


def compact_match(q: Prepared, c: Prepared) -> Result:
    """Word joining and splitting ("Ramimakhlouf" / "Rami Makhlouf", "Good Will"/"Goodwill"):
    the names with spaces removed, compared by spelling, when their token counts differ."""
    if len(q.tokens) == len(c.tokens):
        return None, ""
    a, b = q.compact, c.compact
    if min(len(a), len(b)) < 6:
        return None, ""
    sim = Levenshtein.normalized_similarity(a, b, score_cutoff=0.9)
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
    if not q.imo or not c.imo:
        return None, ""
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
        words, other = short.plain, long_.plain
        if len(words) == 1 and 3 <= len(words[0]) <= 8 and words[0].isalpha() \
                and len(other) >= 2 and words[0][0] == other[0][0] \
                and words[0] not in other and _acronym_of(words[0], other):
            strict = "".join(w[0] for w in other if w not in _STOP) == words[0]
            return (0.85 if strict else 0.8), f"acronym {words[0]}"
    return None, ""


FEATURES = (identifier, korean_name, token_alignment, compact_match, acronym)
