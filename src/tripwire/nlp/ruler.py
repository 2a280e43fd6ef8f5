"""A faster drop-in for spaCy's ``attribute_ruler`` of the English pipelines.

spaCy's ruler runs a :class:`~spacy.matcher.Matcher` over every token and then sets the
attributes through one ``Span`` and one ``Token`` per match. The English models' rules are
almost all single-token patterns over ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE``, so the
outcome for a token depends only on those four values: this component reads them with
``Doc.to_array``, looks the outcome up in a table filled on demand (indexed by lower-case form
and tag so that only the few candidate patterns are tested), and writes ``POS``, ``MORPH``,
``LEMMA`` (and ``TAG``/``DEP`` when a space rule changed them) back with ``Doc.from_array``.

The semantics are the ruler's (:meth:`spacy.pipeline.AttributeRuler.match`): every pattern is
matched against the token values as they were before the component ran; the matches are applied
in pattern order, so for each attribute the last matching pattern that sets it wins; a
multi-token pattern sets the token at its ``index``. The patterns are read from the model's own
ruler (:meth:`FastAttributeRuler.from_ruler`); ``tests/nlp/test_ruler.py`` checks the outcome
token for token against spaCy's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

FACTORY = "tripwire_attribute_ruler"
_READ = [LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA]
_WRITE = [POS, MORPH, LEMMA, TAG, DEP]  # columns 4.. of _READ, then TAG and DEP
_FEATURES = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
Token4 = tuple[str, str, str, bool]  # lower, tag, dep, is_space
Check = Callable[[Token4], bool]


def _equals(c: int, v: Any) -> Check:
    return lambda t: t[c] == v


def _member(c: int, s: frozenset[Any]) -> Check:
    return lambda t: t[c] in s


def _not_member(c: int, s: frozenset[Any]) -> Check:
    return lambda t: t[c] not in s


def _searches(c: int, r: re.Pattern[str]) -> Check:
    return lambda t: r.search(cast(str, t[c])) is not None  # LOWER/TAG/DEP columns are str


def _any(cs: list[Check]) -> Check:
    return lambda t: any(c(t) for c in cs)


def _check(spec: dict[str, Any]) -> Check:
    """A predicate over one token's (lower, tag, dep, is_space) from a Matcher token spec."""
    tests: list[Callable[[Token4], bool]] = []
    for key, value in spec.items():
        if key not in _FEATURES:
            raise ValueError(f"unsupported attribute_ruler pattern attribute {key!r}")
        col = _FEATURES[key]
        if not isinstance(value, dict):
            tests.append(_equals(col, value))
            continue
        for op, arg in value.items():
            if op == "IN":
                tests.append(_member(col, frozenset(arg)))
            elif op == "NOT_IN":
                tests.append(_not_member(col, frozenset(arg)))
            elif op == "REGEX":
                tests.append(_searches(col, re.compile(arg)))
            else:
                raise ValueError(f"unsupported attribute_ruler pattern operator {op!r}")
    return lambda t: all(test(t) for test in tests)


def _values(spec: dict[str, Any], key: str) -> frozenset[str] | None:
    """The values ``key`` may take under ``spec`` when it is a plain or ``IN`` test, else None."""
    value = spec.get(key)
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class FastAttributeRuler:
    """Applies an :class:`AttributeRuler`'s patterns with table look-ups (see module doc)."""

    def __init__(self, vocab: Vocab, name: str = FACTORY) -> None:
        self.vocab = vocab
        self.name = name
        self._attrs: list[dict[int, int]] = []
        # single-token patterns: by lower-case form, by tag (no LOWER test), or tested always
        self._by_lower: dict[str, list[int]] = {}
        self._by_tag: dict[str, list[int]] = {}
        self._always: list[int] = []
        self._single: dict[int, Check] = {}
        # multi-token patterns: (pattern id, token checks, index, anchor position, anchor words)
        self._multi: list[tuple[int, list[Check], int, int, frozenset[str] | None]] = []
        self._multi_words: frozenset[str] | None = frozenset()
        self._cache: dict[Token4, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler, name: str = FACTORY) -> FastAttributeRuler:
        fast = cls(ruler.vocab, name)
        fast.set_patterns(ruler.patterns, ruler.attrs)
        return fast

    def set_patterns(self, patterns: Iterable[dict[str, Any]],
                     normalised: list[dict[int, int]]) -> None:
        """``patterns`` as :attr:`AttributeRuler.patterns`; ``normalised`` its ``attrs`` (ids)."""
        self.__init__(self.vocab, self.name)  # type: ignore[misc]
        self._attrs = [dict(a) for a in normalised]
        words: set[str] | None = set()
        for pid, entry in enumerate(patterns):
            index = entry.get("index", 0)
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self._add_single(pid, pattern[0])
                    continue
                checks = [_check(spec) for spec in pattern]
                anchor, anchor_words = 0, None
                for pos, spec in enumerate(pattern):
                    anchor_words = _values(spec, "LOWER")
                    if anchor_words is not None:
                        anchor = pos
                        break
                if anchor_words is None or words is None:
                    words = None
                else:
                    words |= anchor_words
                self._multi.append((pid, checks, index, anchor, anchor_words))
        # several alternatives of one pattern id must all be tested: rebuild the single checks
        singles: dict[int, list[Check]] = {}
        for pid, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    singles.setdefault(pid, []).append(_check(pattern[0]))
        self._single = {pid: _any(cs) for pid, cs in singles.items()}
        self._multi_words = frozenset(words) if words is not None else None

    def _add_single(self, pid: int, spec: dict[str, Any]) -> None:
        lowers = _values(spec, "LOWER")
        tags = _values(spec, "TAG")
        if lowers is not None:
            for w in lowers:
                if pid not in self._by_lower.setdefault(w, []):
                    self._by_lower[w].append(pid)
        elif tags is not None:
            for t in tags:
                if pid not in self._by_tag.setdefault(t, []):
                    self._by_tag[t].append(pid)
        elif pid not in self._always:
            self._always.append(pid)

    def _hits(self, token: Token4) -> tuple[int, ...]:
        """Ids of the single-token patterns matching ``token``, in pattern order."""
        hit = self._cache.get(token)
        if hit is None:
            cands = {*self._by_lower.get(token[0], ()), *self._by_tag.get(token[1], ()),
                     *self._always}
            hit = self._cache[token] = tuple(sorted(p for p in cands if self._single[p](token)))
        return hit

    def _merge(self, pids: tuple[int, ...]) -> dict[int, int]:
        out = self._merged.get(pids)
        if out is None:
            out = {}
            for p in pids:
                out.update(self._attrs[p])
            self._merged[pids] = out
        return out

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array(_READ)
        strings = self.vocab.strings
        cols = arr[:, :3].tolist()
        spaces = arr[:, 3].tolist()
        toks: list[Token4] = []
        names: dict[int, str] = {}
        for (lo, tg, dp), sp in zip(cols, spaces, strict=True):
            a = names.get(lo)
            if a is None:
                a = names[lo] = strings[lo]
            b = names.get(tg)
            if b is None:
                b = names[tg] = strings[tg] if tg else ""
            c = names.get(dp)
            if c is None:
                c = names[dp] = strings[dp] if dp else ""
            toks.append((a, b, c, bool(sp)))
        hits: list[tuple[int, ...]] = [self._hits(t) for t in toks]
        if self._multi:
            extra = self._match_multi(toks)
            for i, more in extra.items():
                hits[i] = tuple(sorted({*hits[i], *more}))
        out = numpy.array(arr[:, 4:], copy=True)
        pos_c, morph_c, lemma_c = out[:, 0], out[:, 1], out[:, 2]
        tag_c = arr[:, 1].copy()
        dep_c = arr[:, 2].copy()
        structural = False
        for i, pids in enumerate(hits):
            if not pids:
                continue
            for attr, value in self._merge(pids).items():
                if attr == POS:
                    pos_c[i] = value
                elif attr == MORPH:
                    morph_c[i] = value
                elif attr == LEMMA:
                    lemma_c[i] = value
                elif attr == TAG:
                    tag_c[i] = value
                    structural = True
                elif attr == DEP:
                    dep_c[i] = value
                    structural = True
                else:
                    raise ValueError(f"unsupported attribute_ruler attribute {attr}")
        if structural:
            doc.from_array(_WRITE, cast("Ints2d", numpy.column_stack([out, tag_c, dep_c])
                                        .astype("uint64")))
        else:
            doc.from_array(_WRITE[:3], cast("Ints2d", out))
        return doc

    def _match_multi(self, toks: list[Token4]) -> dict[int, list[int]]:
        """Token index → ids of the multi-token patterns that set it."""
        out: dict[int, list[int]] = {}
        n = len(toks)
        words = self._multi_words
        if words is not None and not any(t[0] in words for t in toks):
            return out
        for pid, checks, index, anchor, anchor_words in self._multi:
            size = len(checks)
            if anchor_words is not None:
                starts = [i - anchor for i, t in enumerate(toks) if t[0] in anchor_words]
            else:
                starts = list(range(n))
            for s in starts:
                if s < 0 or s + size > n:
                    continue
                if all(check(toks[s + k]) for k, check in enumerate(checks)):
                    target = s + index if index >= 0 else s + size + index
                    out.setdefault(target, []).append(pid)
        return out

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty ruler; fill it with :meth:`FastAttributeRuler.from_ruler` or ``set_patterns``."""
    return FastAttributeRuler(nlp.vocab, name)


def swap_in(nlp: Language, pipe: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s spaCy ``attribute_ruler`` by a :class:`FastAttributeRuler` with the same
    patterns, in the same place and under the same name (so ``disable=`` lists keep working)."""
    if pipe not in nlp.pipe_names:
        return
    old = nlp.get_pipe(pipe)
    if not isinstance(old, AttributeRuler):
        return
    patterns, attrs = old.patterns, list(old.attrs)
    new = cast(FastAttributeRuler, nlp.replace_pipe(pipe, FACTORY))
    new.set_patterns(patterns, attrs)
