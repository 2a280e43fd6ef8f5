"""A faster ``__call__`` for spaCy's rule lemmatizer, same outcome.

spaCy's :class:`~spacy.pipeline.Lemmatizer` makes a ``Token`` per token and looks the lemma up
in its cache keyed by (orth, pos, morph). :func:`speed_up` gives the model's lemmatizer a class
whose ``__call__`` reads those keys with ``Doc.to_array``, takes cached lemmas from the same
cache and calls the original ``lemmatize`` (filling the cache in the same order) only for the
tokens it has not seen, then writes ``LEMMA`` with one ``from_array``. spaCy caches only the
lemmas its rules derive, not the early answers (base forms, proper nouns, untabled parts of
speech), so every lemma found is also kept in a memo of the same key; the rule lemmatizer's
answer depends on nothing else (the token's text, part of speech and morphology). The
``lemma_index`` word lists, which the rules test candidate forms against with ``in``, become
sets: the same answers without a scan of up to 57,000 words per test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d

_READ = [ORTH, POS, MORPH, LEMMA]
_CLASSES: dict[type, type] = {}


def _fast_call(self: Lemmatizer, doc: Doc) -> Doc:
    if self.overwrite or self.mode != "rule" or not len(doc):
        # _tripwire_base is set on the class by speed_up(), unknown to Lemmatizer's type
        return cast(Any, self)._tripwire_base.__call__(self, doc)
    if not self._validated:
        self._validate_tables()
    arr = doc.to_array(_READ)
    lemmas = arr[:, 3].copy()
    cache = self.cache
    memo = cast(Any, self).__dict__.setdefault("_tripwire_memo", {})
    strings = self.vocab.strings
    todo = False
    for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
        if lemma:
            continue
        key = (orth, pos, morph)
        found = memo.get(key)
        if found is None:
            hit = cache.get(key)
            if hit is None:  # not cached (or never cached: no POS, SPACE): spaCy's own path
                hit = self.lemmatize(doc[i])
            found = memo[key] = strings.add(hit[0])
        lemmas[i] = found
        todo = True
    if todo:
        doc.from_array([LEMMA], cast("Ints2d", lemmas))
    return doc


def speed_up(nlp: Language, pipe: str = "lemmatizer") -> None:
    """Give ``nlp``'s rule lemmatizer the array-based ``__call__`` (see module doc)."""
    if pipe not in nlp.pipe_names:
        return
    lem = nlp.get_pipe(pipe)
    if not isinstance(lem, Lemmatizer) or getattr(lem, "_tripwire_base", None):
        return
    base = type(lem)
    cls = _CLASSES.get(base)
    if cls is None:
        cls = _CLASSES[base] = type(f"Fast{base.__name__}", (base,),
                                    {"__call__": _fast_call, "_tripwire_base": base})
    lem.__class__ = cls
    if lem.lookups.has_table("lemma_index"):
        index = lem.lookups.get_table("lemma_index")
        for key, words in list(index.items()):
            if isinstance(words, list):
                index[key] = frozenset(words)
