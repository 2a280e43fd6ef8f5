"""Who a mention stands for: ISO3 for states (SPEC §5 rule 2), canonical names for bodies.

States, their capitals, leaders and government bodies come from the gazetteer
(``doc.spans["states"]``, ``kb_id_`` = ISO3). International bodies and non-state actors come from
``lexicons/organizations.yaml``. The resolver answers three questions:

- ``lookup(text)``: a plain string → :class:`Actor` or None;
- ``mentions(span)``: every actor mention inside a span, left to right;
- ``of_token(token)`` / ``of_phrase(token)``: the actor(s) a syntactic argument stands for —
  the token itself, its modifiers ("North Korean troops", "Russia's purchases"), an ``of``
  complement ("the government of Iran"), and its conjuncts ("Russia and Iran").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tripwire.extract.base import lexicon
from tripwire.model import Entity
from tripwire.nlp import gazetteer as gaz


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # ISO3 for a state, else the canonical name
    kind: str  # "state" | "organization"
    country: str | None = None
    start: int = -1  # token span in the doc, when read from one
    end: int = -1
    text: str = ""


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def organizations() -> dict[str, Org]:
    """Canonical name → :class:`Org`, from ``lexicons/organizations.yaml``."""
    out: dict[str, Org] = {}
    for name, data in (lexicon("organizations") or {}).items():
        data = data or {}
        aliases = tuple(dict.fromkeys([name, *(data.get("aliases") or [])]))
        out[name] = Org(name, data.get("type", "organization"), data.get("country"), aliases)
    return out


# Heads that stand for the state named in their modifier or "of" complement
# ("the North Korean regime", "officials of Russia", "Russia's military").
_PROXY_HEADS = frozenset({
    "government", "regime", "military", "army", "forces", "force", "officials", "official",
    "authorities", "leader", "leadership", "ministry", "side", "state", "administration",
    "navy", "troops", "president", "minister", "defense", "defence", "counterpart", "officers",
    "intelligence", "embassy", "ambassador", "delegation", "people", "company", "companies",
    "firm", "firms", "entities", "individuals", "nation", "country",
})
_MOD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


class ActorResolver:
    """Resolves strings, spans and tokens to actors (one per process; see :func:`resolver`)."""

    def __init__(self, gazetteer: gaz.Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or gaz.load()
        self.orgs = organizations()
        self._org_by_fold: dict[str, Org] = {}
        for org in self.orgs.values():
            for alias in org.aliases:
                self._org_by_fold.setdefault(gaz.fold(alias), org)
        self._matchers: dict[int, PhraseMatcher] = {}

    # --- strings ------------------------------------------------------------------------
    def lookup(self, text: str) -> Actor | None:
        """The actor a whole string names ("the Kremlin" → RUS, "UNSC" → the Security Council)."""
        org = self._org_by_fold.get(gaz.fold(text))
        hit = self.gazetteer.lookup(text)
        if hit is not None and not (org and len(gaz.fold(org.name)) > len(gaz.fold(text))):
            return Actor(hit.iso3, "state", hit.iso3, text=text)
        if org is not None:
            return Actor(org.name, "organization", org.country, text=text)
        return None

    def canonical(self, name: str) -> str:
        """ISO3 or canonical name for a string, else the string itself."""
        actor = self.lookup(name)
        return actor.name if actor else name

    # --- docs ---------------------------------------------------------------------------
    def matcher(self, vocab: Vocab, tokenizer: Callable[[str], Doc] | None = None) -> PhraseMatcher:
        """The organisation matcher of ``vocab``, built at the first call, splitting aliases
        into words with ``tokenizer`` (the model's own; default: a blank English one, which
        costs a second load of the tokenizer's exceptions)."""
        m = self._matchers.get(id(vocab))
        if m is not None:
            return m
        split = tokenizer or _tokenizer()
        m = PhraseMatcher(vocab, attr="ORTH")
        for org in self.orgs.values():
            forms: list[str] = []
            for alias in org.aliases:
                cases = {alias, alias.lower(), alias.title()} if " " in alias else {alias}
                forms.extend(v for case in cases for v in gaz.spellings(case))
            m.add(org.name, [Doc(vocab, words=[t.text for t in split(f)]) for f in set(forms)])
        self._matchers[id(vocab)] = m
        return m

    def index(self, doc: Doc) -> dict[int, Actor]:
        """Token index → the actor mention covering it (cached in ``doc.user_data``)."""
        cached = doc.user_data.get("tripwire_actor_index")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        spans: list[Actor] = []
        for span in doc.spans.get("states", []):
            spans.append(Actor(span.kb_id_, "state", span.kb_id_, span.start, span.end, span.text))
        taken = {i for a in spans for i in range(a.start, a.end)}
        matches = sorted(self.matcher(doc.vocab)(doc), key=lambda m: (m[1] - m[2], m[1]))
        for match_id, start, end in matches:
            if any(i in taken for i in range(start, end)):
                continue
            org = self.orgs[doc.vocab.strings[match_id]]
            spans.append(Actor(org.name, "organization", org.country, start, end,
                               doc[start:end].text))
            taken.update(range(start, end))
        spans.extend(self._short_leader_names(doc, spans, taken))
        out: dict[int, Actor] = {}
        for actor in spans:
            for i in range(actor.start, actor.end):
                out[i] = actor
        doc.user_data["tripwire_actor_index"] = out
        return out

    def _short_leader_names(self, doc: Doc, spans: list[Actor], taken: set[int]) -> list[Actor]:
        """Later mentions of a leader by one part of a full name the document has used ("Kim
        Jong Un … Kim is seeking …"): the single capitalised word, after the full mention."""
        first: dict[str, tuple[int, str]] = {}  # word → (end of the first full mention, ISO3)
        for a in spans:
            if a.kind != "state" or a.end - a.start < 2:
                continue
            hit = self.gazetteer.lookup(a.text)
            if hit is None or hit.kind != "leaders":
                continue
            words = [t.text for t in doc[a.start : a.end] if t.text[:1].isupper()]
            for w in {words[0], words[-1]} if words else ():
                if w not in first or first[w][0] > a.end:
                    first[w] = (a.end, a.name)
        out: list[Actor] = []
        if not first:
            return out
        for t in doc:
            hit2 = first.get(t.text)
            if (hit2 is not None and t.i >= hit2[0] and t.i not in taken
                    and t.pos_ in ("PROPN", "") and not (t.i + 1 < len(doc)
                                                        and doc[t.i + 1].text[:1].isupper()
                                                        and doc[t.i + 1].pos_ == "PROPN")):
                out.append(Actor(hit2[1], "state", hit2[1], t.i, t.i + 1, t.text))
                taken.add(t.i)
        return out

    def mentions(self, span: Span | Doc) -> list[Actor]:
        """Every actor mention inside ``span``, left to right, each once."""
        doc = span if isinstance(span, Doc) else span.doc
        idx = self.index(doc)
        start, end = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
        seen: dict[tuple[int, int], Actor] = {}
        for i in range(start, end):
            a = idx.get(i)
            if a is not None:
                seen.setdefault((a.start, a.end), a)
        return list(seen.values())

    def at(self, token: Token) -> Actor | None:
        """The mention that covers ``token`` itself, if any."""
        return self.index(token.doc).get(token.i)

    def of_token(self, token: Token, depth: int = 2) -> Actor | None:
        """The actor an argument token stands for, through modifiers and "of" complements."""
        hit = self.at(token)
        if hit is not None:
            return hit
        if depth <= 0:
            return None
        for child in token.children:  # "Russia's private military group Wagner"
            if child.dep_ in ("appos", "compound", "nmod", "npadvmod"):
                hit = self.at(child)
                if hit is not None and hit.kind == "organization":
                    return hit
        for child in token.children:
            if child.dep_ in _MOD_DEPS and child.i < token.i:
                hit = self.of_token(child, depth - 1)
                if hit is not None:
                    return hit
        if token.lemma_.lower() in _PROXY_HEADS or token.lower_ in _PROXY_HEADS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "from", "in"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            hit = self.of_token(pobj, depth - 1)
                            if hit is not None:
                                return hit
        return None

    def of_phrase(self, token: Token) -> list[Actor]:
        """Actors for ``token`` and its conjuncts ("Russia and Iran" → [RUS, IRN])."""
        out: list[Actor] = []
        for t in _with_conjuncts(token):
            if t.dep_ == "appos" and out:
                continue  # another name for an actor already found
            a = self.of_token(t)
            if a is not None and all(a.name != o.name for o in out):
                out.append(a)
        return out


@functools.lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


def _with_conjuncts(token: Token) -> Iterable[Token]:
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from _with_conjuncts(child)
        elif child.dep_ == "appos":
            yield child


@functools.lru_cache(maxsize=1)
def resolver() -> ActorResolver:
    """The process-wide resolver."""
    return ActorResolver()


__all__ = ["Actor", "ActorResolver", "Org", "organizations", "resolver"]


# -- the entities of one document (Analysis.entities) -----------------------------------------

_ROLE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "director",
    "coordinator", "ambassador", "envoy", "adviser", "advisor", "chief", "commander", "official",
    "general", "leader", "chairman", "head", "deputy", "senator", "lawmaker", "analyst", "expert",
    "researcher", "professor", "fellow", "governor", "premier", "representative", "officer",
})


def entities(doc: Doc, ctx: Any, events: Sequence[Any] = ()) -> list[Entity]:
    """Countries, bodies, organisations and persons named in ``doc``, with aliases and roles."""
    from tripwire.model import make_id

    g = ctx.gazetteer
    doc_id = ctx.document.id
    found: dict[tuple[str, str], dict[str, Any]] = {}

    def add(name: str, type_: str, alias: str, country: str | None,
            role: str | None = None) -> None:
        rec = found.setdefault((type_, name), {"aliases": [], "country": country, "roles": []})
        if alias and alias != name and alias not in rec["aliases"]:
            rec["aliases"].append(alias)
        if role and role not in rec["roles"]:
            rec["roles"].append(role)
        if rec["country"] is None:
            rec["country"] = country

    for span in doc.spans.get("states", []):
        iso3 = span.kb_id_
        hit = g.lookup(span.text)
        kind = hit.kind if hit else "names"
        if kind in ("names", "demonyms"):
            add(g.name(iso3), "country", span.text, iso3)
        elif kind == "leaders":
            add(_full_leader_name(span.text, iso3, g), "person", span.text, iso3)
        else:
            add(_strip_the(span.text), "organization", span.text, iso3)
        if kind in ("names", "demonyms"):
            continue
        add(g.name(iso3), "country", "", iso3)
    for actor in resolver().mentions(doc):
        if actor.kind == "organization":
            add(actor.name, "organization", actor.text, actor.country)
    persons: dict[str, str] = {}  # surname → full name
    for ent in doc.ents:
        if ent.label_ != "PERSON" or g.lookup(ent.text):
            continue
        name = ent.text.strip().removesuffix("'s").removesuffix("’s")
        words = name.split()
        if not words:
            continue
        surname = words[-1]
        full = persons.get(surname)
        if full is None or len(words) > len(full.split()):
            if full is not None and full != name:
                found.pop(("person", full), None)
            persons[surname] = name
            full = name
        role = _role_of(ent)
        add(full, "person", name, g.country_in(role) if role else None, role)
    for ev in events:
        for item in getattr(ev, "items", ()):
            if any(ch.isdigit() for ch in item.text) and "-" in item.text and item.category not in (
                "troops", "energy", "other"
            ):
                add(item.text, "weapon_system", item.text, None)
    out = []
    for (type_, name), rec in found.items():
        out.append(Entity(
            id=make_id("en", doc_id, type_, name), name=name, type=type_,
            aliases=tuple(rec["aliases"]), country=rec["country"], roles=tuple(rec["roles"]),
            doc=doc_id,
        ))
    return out


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _full_leader_name(text: str, iso3: str, g: gaz.Gazetteer) -> str:
    """The longest leader alias of ``iso3`` that ends with ``text`` ("Putin" → "Vladimir Putin")."""
    best = text
    for surface, hit in g.surface.items():
        if (hit.iso3 == iso3 and hit.kind == "leaders" and surface.endswith(" " + text)
                and len(surface) > len(best)):
            best = surface
    return best


def _role_of(ent: Span) -> str | None:
    """A role stated beside a person: an apposition ("Kirby, NSC spokesman") or title words
    before the name ("National Security Council spokesman John Kirby")."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > ent.end - 1:
            words = [t for t in child.subtree if not t.is_punct or t.text in "'’"]
            if any(t.lower_ in _ROLE_WORDS for t in words):
                return " ".join(t.text for t in words).strip(" ,")
    before: list[Token] = []
    i = ent.start - 1
    doc = ent.doc
    while i >= 0 and doc[i].head.i in range(ent.start, ent.end) and doc[i].dep_ in (
        "compound", "amod", "nmod", "poss", "case", "det", "punct"
    ):
        before.insert(0, doc[i])
        i -= 1
    # spread over compounds attached to the first collected word
    if before and any(t.lower_ in _ROLE_WORDS for t in before):
        first = before[0]
        extra = [t for t in first.subtree if t.i < first.i]
        words = [t for t in extra + before if t.dep_ != "det"]
        return " ".join(t.text for t in words).strip(" ,")
    return None
