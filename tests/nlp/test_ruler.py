"""The fast attribute ruler gives spaCy's outcome token for token (POS, morph, lemma, tag, dep)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tripwire import nlp
from tripwire.errors import InputError
from tripwire.extract import relevance
from tripwire.nlp.ruler import FastAttributeRuler
from tripwire.pipeline import prepare
from tripwire.read import read_inputs

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _sentences(limit: int) -> list[str]:
    """The first ``limit`` regex sentences of the corpus, read as ``tripwire ingest`` reads it."""
    out: list[str] = []
    if not CORPUS.is_dir():
        return out
    for item in read_inputs([str(CORPUS)], 10**9):
        if isinstance(item, InputError):
            continue
        try:
            text = prepare(item).text
        except InputError:
            continue
        out.extend(text[s.start : s.end] for s in relevance.split(text))
        if len(out) >= limit:
            break
    return out[:limit]


EXTRA = [
    "I ain't gonna say it, y'all, but c'mon: let's go, gotta run. Nothin' is there.",
    "There is a deal and there are two. It was him; I saw it and you saw it, they gave it to me.",
    "Do you have it? He did.  \n\n  She had done what they do, but but.",
    "   ",
    "",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    return nlp.load(fast_ruler=True), nlp.load(fast_ruler=False)


def test_fast_ruler_is_swapped_in(pipelines: tuple[Language, Language]) -> None:
    fast, slow = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert not isinstance(slow.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert fast.pipe_names == slow.pipe_names


def test_same_annotations_as_spacy(pipelines: tuple[Language, Language]) -> None:
    texts = _sentences(600)
    if len(texts) < 200:
        pytest.skip(f"corpus not found or too small under {CORPUS}")
    texts += EXTRA
    fast, slow = pipelines
    keep = ["ner", "tripwire_gazetteer"]
    n = 0
    for a, b in zip(fast.pipe(texts, disable=keep), slow.pipe(texts, disable=keep), strict=True):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert (x.text, x.pos_, str(x.morph), x.lemma_, x.tag_, x.dep_) == (
                y.text, y.pos_, str(y.morph), y.lemma_, y.tag_, y.dep_), (a.text, x.i)
            n += 1
    assert n > 5000
