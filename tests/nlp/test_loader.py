"""Loading the model: the tokenizer read straight from the package is spaCy's own."""

from __future__ import annotations

import spacy

from tripwire.nlp import _resolve, load


def test_the_deferred_tokenizer_is_the_packages_tokenizer() -> None:
    ours = load().tokenizer
    spacys = spacy.load(_resolve("en_core_web_sm")).tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == spacys.to_bytes(exclude=["vocab"])
    text = "U.S. officials said N.Korea's 152mm shells (1,000,000) weren't sent: see http://x.org/y"
    assert [t.text for t in ours(text)] == [t.text for t in spacys(text)]
