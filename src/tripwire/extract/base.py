"""The framework every event type plugs into.

An event type is one module in :mod:`tripwire.extract.events`. The module exposes ``RULES``, a
sequence of objects that follow :class:`Rule`:

- ``type``: the SPEC §3 event type the rule reads (``"arms_transfer"``), or ``types`` when one
  rule yields several;
- ``keywords``: lower-case word prefixes ("suppl", "sold", "troop") that a sentence must contain
  for the rule to have a chance; the relevance filter (:mod:`tripwire.extract.relevance`) skips
  parsing sentences that carry none of any rule's keywords;
- ``find(sentence, ctx) -> Iterable[Draft]``: the events read from one parsed sentence.

Modules are found with :func:`discover_rules` (``pkgutil`` over the package), so adding a type is
adding a module and nothing else. The orchestrator (:mod:`tripwire.extract`) fills in what a
draft leaves as ``None`` — polarity/modality (``modality.classify``), the date
(``dates.resolve_date``) and the attribution (``attribution.attribute``) — then merges drafts into
:class:`tripwire.model.Event` records per SPEC §5 rule 1.

A rule never builds an ``Event`` itself and never computes offsets: the sentence span carries
them (``sentence.start_char`` is an offset into ``ctx.document.text``, because ``ctx.doc.text ==
ctx.document.text``).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from spacy.tokens import Doc, Span, Token

from tripwire.datafiles import read_yaml
from tripwire.model import Attribution, Document, EventDate, Item, Quantity

if TYPE_CHECKING:
    from tripwire.extract.actors import ActorResolver
    from tripwire.nlp.gazetteer import Gazetteer

@dataclass(slots=True)
class Draft:
    """One event read from one sentence, before defaults are filled in and mentions merged.

    ``None`` in ``polarity``, ``modality``, ``date`` or ``attribution`` means "let the shared
    helper decide" (modality.classify on ``trigger``, dates.resolve_date, attribution.attribute on
    ``sentence``); a rule sets them only when it knows better.
    """

    type: str
    stage: str
    actors: dict[str, tuple[str, ...]]
    sentence: Span
    trigger: Token
    items: tuple[Item, ...] = ()
    quantity: Quantity | None = None
    location: str | None = None
    polarity: str | None = None
    modality: str | None = None
    date: EventDate | None = None
    attribution: tuple[Attribution, ...] | None = None
    confidence: float = 0.6
    extra: dict[str, Any] = field(default_factory=dict)  # rule-specific notes (not exported)


@dataclass(slots=True)
class Context:
    """What a rule may consult besides the sentence: one per document.

    ``doc`` is the whole document as one spaCy ``Doc`` whose text equals ``document.text``.
    Sentences the relevance filter judged useless are tokenised and sentence-split but not
    parsed (their tokens have no ``dep_``/``pos_``/entities); ``is_parsed(sentence)`` tells.
    """

    document: Document
    doc: Doc
    gazetteer: Gazetteer
    actors: ActorResolver
    cache: dict[str, Any] = field(default_factory=dict)  # per-document memo for helpers

    @property
    def published(self) -> str | None:
        return self.document.published

    @property
    def text(self) -> str:
        return self.document.text

    def is_parsed(self, sentence: Span) -> bool:
        return sentence.start not in sentence.doc.user_data.get("tripwire_unparsed", ())

    def sentence_of(self, token: Token) -> Span:
        return token.sent

    def sentences(self) -> list[Span]:
        """Every sentence of the document, in order (built once per document; use this rather
        than ``list(doc.sents)``, which rebuilds the spans on every call)."""
        sents = self.cache.get("_sents")
        if sents is None:
            sents = self.cache["_sents"] = list(self.doc.sents)
            self.cache["_sent_index"] = {s.start: i for i, s in enumerate(sents)}
        return sents  # type: ignore[no-any-return]

    def sentence_index(self, sentence: Span) -> int | None:
        """The position of ``sentence`` in :meth:`sentences` (None if it is not one)."""
        self.sentences()
        return self.cache["_sent_index"].get(sentence.start)  # type: ignore[no-any-return]

    def neighbours(self, sentence: Span, before: int = 1, after: int = 0) -> list[Span]:
        """Up to ``before`` sentences before and ``after`` after ``sentence``, in order."""
        sents = self.sentences()
        i = self.sentence_index(sentence)
        if i is None:
            return []
        return sents[max(0, i - before) : i] + sents[i + 1 : i + 1 + after]


@runtime_checkable
class Rule(Protocol):
    """What an ``events/<type>.py`` module lists in ``RULES``."""

    type: str
    keywords: frozenset[str]

    def find(self, sentence: Span, ctx: Context) -> Iterable[Draft]: ...


def rule_types(rule: Any) -> tuple[str, ...]:
    """The event types a rule yields (``types`` if it declares several, else ``(type,)``)."""
    types = getattr(rule, "types", None)
    return tuple(types) if types else (rule.type,)


@functools.lru_cache(maxsize=1)
def discover_rules() -> tuple[Rule, ...]:
    """Every rule of every module in :mod:`tripwire.extract.events`, in module-name order."""
    from tripwire.extract import events

    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(events.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{events.__name__}.{info.name}")
        rules.extend(getattr(module, "RULES", ()))
    return tuple(rules)


def all_keywords(rules: Sequence[Any] | None = None) -> frozenset[str]:
    """The union of the rules' keywords (what the relevance filter looks for)."""
    out: set[str] = set()
    for rule in rules if rules is not None else discover_rules():
        out.update(k.lower() for k in getattr(rule, "keywords", ()))
    return frozenset(out)


@functools.lru_cache(maxsize=64)
def lexicon(name: str) -> Any:
    """A YAML lexicon from ``tripwire/lexicons``: ``lexicon("triggers/transfers")``."""
    if not name.endswith((".yaml", ".yml")):
        name += ".yaml"
    return read_yaml("tripwire.lexicons", name) or {}


__all__ = ["Context", "Draft", "Rule", "all_keywords", "discover_rules", "lexicon", "rule_types"]
