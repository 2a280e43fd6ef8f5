"""Who a claim comes from (SPEC §2 ``attribution``, §5 rule 4) and what people said (quotes).

A document is read once into a :class:`SourceMap`: for every sentence, the sources its speech
frames name —

- ``X said / told reporters / disclosed / confirmed …`` (the subject of a speech verb),
- ``according to X``, ``citing X``, ``X quoted Y as saying`` (both X and Y),
- ``U.S. intelligence shows …`` (a source noun as subject of an evidential verb);

each turned into an :class:`~tripwire.model.Attribution` (name, role, country, kind). Short
names are resolved within the document ("Kirby" → John Kirby with the role of his first
mention), pronouns to the last person speaker. :func:`attribute` returns the sources of a
sentence, else those of its paragraph neighbours ("…, Kirby said." in the next sentence), else
the lead source of the article. The outlet that publishes the article is never a source.

:func:`find_quotes` lists direct quotes (inside quotation marks) and indirect ones ("X said
that …") with their speaker and offsets into ``document.text``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from tripwire.extract.base import lexicon
from tripwire.model import Attribution, Document, Quote, make_id
from tripwire.nlp import gazetteer as gaz
from tripwire.nlp import text_of


# --- lexicon --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Lex:
    media: dict[str, tuple[str, str | None]]  # folded alias -> (canonical name, country)
    media_pattern: re.Pattern[str]
    words: dict[str, frozenset[str]]
    speech: frozenset[str]
    claim_nouns: frozenset[str]
    seen_verbs: frozenset[str]
    services: re.Pattern[str] | None
    service_country: dict[str, str]


@functools.lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = lexicon("sources")
    media: dict[str, tuple[str, str | None]] = {}
    surfaces: list[str] = []
    for name, entry in (data.get("media") or {}).items():
        for alias in [name, *(entry.get("aliases") or [])]:
            media[gaz.fold(alias)] = (name, entry.get("country"))
            surfaces.append(alias)
    surfaces.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w])")
    words = {k: frozenset(w.lower() for w in v) for k, v in (data.get("words") or {}).items()}
    services_by_state = data.get("intelligence_services") or {}
    service_country = {name: iso3 for iso3, names in services_by_state.items() for name in names}
    services = re.compile(r"(?<![\w.])(" + "|".join(
        re.escape(n) for n in sorted(service_country, key=len, reverse=True)) + r")(?![\w])") \
        if service_country else None
    return _Lex(media, pattern, words, frozenset(data.get("speech") or ()),
                frozenset(data.get("claim_nouns") or ()), frozenset(data.get("seen_verbs") or ()),
                services, service_country)


def _service_country(text: str | None) -> str | None:
    """The state an intelligence service named in ``text`` serves ("CIA Director" → USA)."""
    lex = _lex()
    if not text or lex.services is None:
        return None
    m = lex.services.search(text)
    return lex.service_country.get(m.group(1)) if m else None


_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
             "they": "any", "it": "any", "we": "any", "i": "person"}
_NAME_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "appos", "prep", "pobj",
                        "punct", "cc", "conj", "nummod", "case", "quantmod", "npadvmod"})
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{12,}?)[\"“”]")


@dataclass(slots=True)
class Person:
    name: str
    role: str | None
    country: str | None


@dataclass(slots=True)
class SourceMap:
    """The sources of every sentence of one document (see module docstring)."""

    by_sentence: dict[int, list[Attribution]] = field(default_factory=dict)  # sent.start ->
    frames: dict[int, list[tuple[Token, Attribution]]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)  # surname/full name (folded) ->
    paragraph: dict[int, int] = field(default_factory=dict)  # sent.start -> paragraph number
    order: list[int] = field(default_factory=list)  # sentence starts in order
    position: dict[int, int] = field(default_factory=dict)  # sent.start -> index in ``order``
    sents: list[Span] = field(default_factory=list)  # the document's sentences, in order
    char_starts: list[int] = field(default_factory=list)  # their start offsets (bisect)
    lead: list[Attribution] = field(default_factory=list)


# --- public API -----------------------------------------------------------------------------
def attribute(sentence: Span, context: Any) -> tuple[Attribution, ...]:
    """The sources of ``sentence``: its own, else its paragraph's, else the article's lead."""
    smap = source_map(sentence.doc, getattr(context, "document", None),
                      getattr(context, "cache", None))
    own = smap.by_sentence.get(sentence.start)
    if own:
        return tuple(own)
    i = _index(smap, sentence.start)
    if i is not None:
        para = smap.paragraph.get(sentence.start)
        for j in (i + 1, i - 1, i - 2, i + 2):
            if 0 <= j < len(smap.order):
                start = smap.order[j]
                if smap.paragraph.get(start) == para and smap.by_sentence.get(start):
                    return tuple(smap.by_sentence[start])
    return tuple(smap.lead)


def person_country(token: Token, context: Any) -> str | None:
    """The country the document gives the person named at ``token`` (full name or surname of
    someone introduced with a role: "Iran's foreign minister Hossein Amirabdollahian")."""
    smap = source_map(token.doc, getattr(context, "document", None),
                      getattr(context, "cache", None))
    ent = next((e for e in token.sent.ents if e.start <= token.i < e.end
                and e.label_ == "PERSON"), None)
    keys = [gaz.fold(ent.text), gaz.fold(ent[-1].text)] if ent is not None \
        else [gaz.fold(token.text)]
    for key in keys:
        person = smap.people.get(key)
        if person is not None and person.country:
            return person.country
    return None


def find_quotes(doc: Doc, document: Document, context: Any = None) -> list[Quote]:
    """Direct quotes (in quotation marks) and indirect speech ("X said that …") with speakers."""
    smap = source_map(doc, document, getattr(context, "cache", None))
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    text = text_of(doc)
    for m in _QUOTE_RE.finditer(text):
        s, e = m.span(1)
        if len(m.group(1).split()) < 3:
            continue
        speaker = _speaker_for_span(doc, smap, s, e)
        quotes.append(_quote(document, m.group(1), speaker, True, s, e))
        covered.append((m.start(), m.end()))
    for frames in smap.frames.values():
        for verb, att in frames:
            comp = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}), None)
            if comp is None:
                continue
            toks = sorted(comp.subtree, key=lambda t: t.i)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if any(cs <= s < ce or cs < e <= ce for cs, ce in covered) or e - s < 12:
                continue
            quotes.append(_quote(document, text[s:e], att, False, s, e))
    quotes.sort(key=lambda q: q.evidence_start)
    return quotes


def source_map(doc: Doc, document: Document | None, cache: dict[str, Any] | None) -> SourceMap:
    """The per-document :class:`SourceMap` (memoised in ``cache`` or ``doc.user_data``)."""
    store = cache if cache is not None else doc.user_data
    smap = store.get("tripwire_source_map")
    if smap is None:
        sents = store.get("_sents") if cache is not None else None
        smap = _build(doc, document, sents)
        store["tripwire_source_map"] = smap
    return smap  # type: ignore[no-any-return]


# --- building the map -----------------------------------------------------------------------
def _build(doc: Doc, document: Document | None, sents: list[Span] | None = None) -> SourceMap:
    smap = SourceMap()
    outlet = gaz.fold(document.outlet) if document is not None and document.outlet else None
    para = 0
    prev_end = 0
    text = text_of(doc)
    sents = sents if sents is not None else list(doc.sents)
    smap.sents = sents
    smap.char_starts = [x.start_char for x in sents]
    for sent in sents:
        if "\n" in text[prev_end : sent.start_char]:
            para += 1
        prev_end = sent.end_char
        smap.paragraph[sent.start] = para
        smap.position[sent.start] = len(smap.order)
        smap.order.append(sent.start)
    for sent in sents:
        if _parsed(sent):
            _register_people(sent, smap)
    for sent in sents:
        frames = _frames(sent, smap) if _parsed(sent) else _shallow(sent, smap)
        frames = [(v, a) for v, a in frames if not _is_outlet(a, outlet)]
        if frames:
            smap.frames[sent.start] = frames
            atts: list[Attribution] = []
            for _, a in frames:
                if a not in atts:
                    atts.append(a)
            smap.by_sentence[sent.start] = atts
            if len(smap.lead) < 2 and _index(smap, sent.start) is not None \
                    and (_index(smap, sent.start) or 0) < 4:
                smap.lead.extend(x for x in atts if x not in smap.lead and x.country)
    return smap


def _index(smap: SourceMap, start: int) -> int | None:
    return smap.position.get(start)


def _parsed(sent: Span) -> bool:
    if sent.start in sent.doc.user_data.get("tripwire_unparsed", ()):
        return False
    flags = sent.doc.user_data.get("tripwire_parsed", {})
    if not flags.get(sent.start, True):
        return False
    return sent.doc.has_annotation("DEP")


def _is_outlet(att: Attribution, outlet: str | None) -> bool:
    if not outlet or att.kind != "media" or not att.name:
        return False
    a = gaz.fold(att.name)
    return a == outlet or a in outlet or outlet in a


def _register_people(sent: Span, smap: SourceMap) -> None:
    """Remember every multi-word PERSON with the role words around it ("Kremlin spokesman")."""
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        key = gaz.fold(ent.text)
        surname = gaz.fold(ent[-1].text)
        role = _role_around(ent)
        prefix = [t for t in sent if t.i < ent.start and ent.start <= t.head.i < ent.end]
        country = _country_of(role, ent.text) or _org_country(prefix)
        person = smap.people.get(key)
        if person is None:
            person = Person(ent.text, role, country)
            smap.people[key] = person
            smap.people.setdefault(surname, person)
        elif person.role is None and role:
            person.role, person.country = role, person.country or country


def _role_around(ent: Span) -> str | None:
    """Role words attached to a person mention: preceding compounds/amods and an apposition."""
    root = ent.root
    parts: list[str] = []
    pre = [t for t in root.children if t.i < ent.start and t.dep_ in {"compound", "amod", "nmod"}]
    if pre:
        first = min(t.left_edge.i for t in pre)
        words = [t for t in root.doc[first : ent.start] if t.pos_ != "DET" and t.dep_ != "punct"]
        if words:
            parts.append(" ".join(t.text for t in words))
    for t in root.children:
        if t.dep_ == "appos" and t.i > root.i and t.pos_ in {"NOUN", "PROPN"} \
                and t.ent_type_ != "PERSON":
            parts.append(_text(t.subtree, skip_det=True))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        parts.append(_text((t for t in head.subtree if t.i < ent.start or t.i >= ent.end
                            if not (root.i <= t.i and t in root.subtree)), skip_det=True))
    role = ", ".join(p for p in parts if p)
    return role or None


def _text(tokens: Iterable[Token], skip_det: bool = False) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    breaks = [k for k, t in enumerate(toks) if "\n" in t.text_with_ws]
    if breaks and breaks[-1] < len(toks) - 1:
        toks = toks[breaks[-1] + 1 :]
    while toks and (toks[0].is_punct or (skip_det and toks[0].pos_ == "DET")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    out = "".join(t.text_with_ws for t in toks).strip()
    if out.count("(") > out.count(")"):
        out = out[: out.rfind("(")].strip()
    return out


_STATE_KINDS = frozenset({"names", "demonyms", "capitals"})
_POSSESSIVE = re.compile(r"[’']s\b")


def _country_of(*texts: str | None) -> str | None:
    """The state a role or name phrase belongs to: the first state name, demonym or capital in
    reading order ("North Korea's vice director … of the Ministry of National Defense" → PRK),
    else the longest other alias (a body, a leader)."""
    g = gaz.load()
    for text in texts:
        if not text:
            continue
        words = gaz.fold(_POSSESSIVE.sub("", text)).split()
        other: tuple[int, str] | None = None
        for i in range(len(words)):
            for n in range(min(6, len(words) - i), 0, -1):
                hit = g.by_fold.get(" ".join(words[i : i + n]))
                if hit is None or (n == 1 and words[i] == "us" and "U.S" not in text
                                   and "US" not in text):
                    continue
                if hit.kind in _STATE_KINDS:
                    return hit.iso3
                if other is None or n > other[0]:
                    other = (n, hit.iso3)
                break
        if other is not None:
            return other[1]
    return None


# --- speech frames --------------------------------------------------------------------------
def _frames(sent: Span, smap: SourceMap) -> list[tuple[Token, Attribution]]:
    lex = _lex()
    out: list[tuple[Token, Attribution]] = []
    for tok in sent:
        low = tok.lower_
        if low == "according":
            for prep in tok.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            out.extend((tok, a) for a in _phrase_sources(pobj, sent, smap))
            continue
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in lex.speech:
            continue
        lemma = tok.lemma_.lower()
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        subj = max(subjects, key=lambda c: c.i) if subjects else None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if subj is not None and subj.dep_ == "nsubjpass":
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if lemma in {"cite", "quote"}:
            objs = [c for c in tok.children if c.dep_ in {"dobj", "pobj"}]
            if agent is not None and subj is None:
                objs += [c for c in agent.children if c.dep_ == "pobj"]
            objs += [t for t in tok.subtree if t.dep_ == "nsubj" and t.head.lower_ == "saying"]
            for c in objs:
                out.extend((tok, a) for a in _phrase_sources(c, sent, smap))
        if subj is None and agent is not None:  # "the sanctions, announced by the ministry"
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is None and tok.dep_ in {"advcl", "xcomp", "conj", "acl"}:
            governor = tok.head  # "X said …, adding …": the subject of the nearest speech verb
            while governor.lemma_.lower() not in lex.speech and governor.head.i != governor.i:
                governor = governor.head
            if governor.lemma_.lower() in lex.speech or tok.dep_ == "xcomp":
                subj = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ == "relcl" and tok.head.pos_ in {"PROPN", "NOUN"}:
            subj = tok.head
        if subj is None:
            continue
        if lemma in {"show", "indicate", "suggest", "find", "reveal"} \
                and not _source_like(subj, sent, smap):
            continue
        out.extend((tok, a) for a in _phrase_sources(subj, sent, smap))
    for tok in sent:
        low = tok.lemma_.lower()
        # "accusations from the United States and South Korea that …"
        if tok.pos_ == "NOUN" and low in lex.claim_nouns:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            out.extend((tok, a) for a in _phrase_sources(pobj, sent, smap))
        # "a report seen by Reuters": the outlet that saw the document
        if tok.pos_ == "VERB" and low in lex.seen_verbs:
            for agent in tok.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            out.extend((tok, a) for a in _phrase_sources(pobj, sent, smap)
                                       if a.kind == "media")
    # "X's report / statement / assessment" without a speech verb, and declassified intelligence
    for tok in sent:
        if tok.lemma_.lower() in {"intelligence", "assessment"} and tok.pos_ == "NOUN" \
                and tok.dep_ in {"pobj", "nsubj", "dobj"} and not tok.ent_type_ \
                and not any(tok.i in range(v.left_edge.i, v.right_edge.i + 1)
                            and a.kind == "intelligence" for v, a in out):
            att = _describe(tok, sent, smap)
            if att is not None and att not in [a for _, a in out]:
                out.append((tok, att))
    return out


def _source_like(tok: Token, sent: Span, smap: SourceMap) -> bool:
    words = _lex().words
    heads = words["intelligence"] | words["media"] | words["government"] | words["unnamed"] \
        | words["expert"] | words["officials"]
    heads = heads - words["government"] | {"report", "reports", "images", "imagery", "photos",
                                            "data", "evidence", "documents", "assessment"}
    return tok.lower_ in heads or bool(_media_in(_text(tok.subtree)))


def _phrase_sources(head: Token, sent: Span, smap: SourceMap) -> list[Attribution]:
    out = []
    for t in _conjuncts(head):
        att = _describe(t, sent, smap)
        if att is not None and att not in out:
            out.append(att)
    return out


def _conjuncts(tok: Token) -> Iterable[Token]:
    yield tok
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}:
            yield from _conjuncts(c)


def _describe(head: Token, sent: Span, smap: SourceMap) -> Attribution | None:
    """An :class:`Attribution` for the noun phrase headed by ``head``."""
    lex = _lex()
    low = head.lower_
    if head.pos_ == "PRON" or low in _PRONOUNS:
        return _pronoun(head, sent, smap)
    phrase = _np(head)
    phrase = sorted(phrase, key=lambda t: t.i)
    text = _text(phrase)
    if not text:
        return None
    media = _media_in(text)
    person = _person_in(phrase, smap)
    if media is None and person is None and _OUTLET_SHAPE.match(text) \
            and not _has_word(text, "intelligence"):
        media = (re.sub(r"[’']s$", "", text), None)  # "The Daily Herald", "Example News Agency"
    if media is not None and (person is None or low in lex.words["media"] or
                              head.ent_type_ in {"ORG", "WORK_OF_ART"}):
        name, country = media
        if person is not None and low not in {"agency", "news"}:
            role: str | None = _text([t for t in phrase
                                      if t.i not in range(person[1], person[2])], True)
            return Attribution(person[0].name, role or None, country or person[0].country, "media")
        return Attribution(name, None, country, "media")
    if person is not None:
        p, start, end = person
        role_tokens = [t for t in phrase if not start <= t.i < end]
        role = _text(role_tokens, skip_det=True) or p.role
        country = _country_of(role if role_tokens else None) or p.country \
            or _country_of(p.name) or _org_country(role_tokens) or _service_country(role)
        return Attribution(p.name, role or None, country, _person_kind(role))
    country = _country_of(text)
    if country is None:
        country = _org_country(phrase) or _service_country(text)
    role = _text(phrase, skip_det=True)
    named = _named(role)
    if named is not None:  # "Kremlin spokesman Dmitry Peskov" where NER named no PERSON
        name, role_part = named
        return Attribution(name, role_part, country or _country_of(name),
                           _person_kind(role_part))
    kind = _kind(text, low)
    if kind is None:
        return None
    if kind == "media" and country is None and _VAGUE_MEDIA.match(text):
        kind = "unnamed"  # "his agency", "earlier reports": no outlet is named
    return Attribution(None, role, country, kind)


# a media word with nothing to name the outlet: a possessive pronoun, or only vague modifiers
_VAGUE_MEDIA = re.compile(r"^(?:(?:his|her|its|their|our|the|these|those|some|other|earlier|"
                          r"previous|recent|several|many|local|foreign|media|news|press|unconfirmed)"
                          r"\s+)*\w+$", re.IGNORECASE)


# the shape of a news outlet's name: capitalised words ending in a word newspapers, agencies
# and broadcasters are named by ("The Daily Herald", "Example News Agency", "Example TV")
_OUTLET_SHAPE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.&’'-]*\s+){0,4}(?:Times|Post|Herald|Journal|Tribune|Gazette|"
    r"Telegraph|News|Daily|Press|News Agency|Press Agency|News Service|Broadcasting|"
    r"Broadcasting Corporation|Television|TV|Radio|Ilbo|Shimbun|Sinmun|Chronicle|Examiner|"
    r"Monitor)(?:[’']s)?$")


_CUT = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "xcomp", "parataxis"})


def _np(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without clauses or conjuncts hanging off it."""
    out = [head]
    for c in head.children:
        if c.dep_ not in _CUT:
            out.extend(_np(c))
    return out


def _person_kind(role: str | None) -> str:
    """The kind of a source that is a person, from the words of the role: intelligence
    officers, experts (analysts, researchers, think-tank fellows), media people (journalists),
    else officials."""
    if not role:
        return "official"
    if _has_word(role, "intelligence"):
        return "intelligence"
    if _has_word(role, "expert") or re.search(r"\bthink[\s-]tanks?\b", role, re.IGNORECASE):
        return "expert"
    if _has_word(role, "media_people"):
        return "media"
    return "official"


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[’'-][A-Za-z]+)*\.?$|[A-Z]\.$")
_PARTICLES = frozenset({"de", "van", "von", "al", "bin", "der", "la", "le"})


def _name_words(words: list[str]) -> bool:
    """``words`` have the shape of a person's name and name no state, capital, people or body."""
    g = gaz.load()
    if not words or len(words) > 4:
        return False
    w = _lex().words
    for word in words:
        low = word.lower().strip(".")
        if word.lower() in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or low in w["official_roles"] or low in w["officials"] \
                or low in w["government"] or low in w["expert"] or low in w["media"]:
            return False
        hit = g.by_fold.get(gaz.fold(word))
        if hit is not None and hit.kind != "leaders":
            return False
    hit = g.by_fold.get(gaz.fold(" ".join(words)))
    return hit is None or hit.kind == "leaders"


def _named(text: str) -> tuple[str, str | None] | None:
    """(name, role) when a role phrase is a person's role followed by the person's name
    ("Kremlin spokesman Dmitry Peskov", "U.S. Secretary of State Antony Blinken"), a name and an
    apposition ("Jane Doe, a senior analyst at …") or a known leader alone ("Putin")."""
    g = gaz.load()
    hit = g.by_fold.get(gaz.fold(_POSSESSIVE.sub("", text)))
    if hit is not None and hit.kind == "leaders" and _name_words(text.split()):
        return text, None
    w = _lex().words
    roles = w["official_roles"] | w["officials"] | w["expert"] | w["media_people"] \
        | w["intelligence"]
    head, sep, rest = text.partition(", ")
    if sep and _name_words(head.split()) and len(head.split()) >= 2:
        role = re.sub(r"^(?:an?|the)\s+", "", rest.split(", ")[0], flags=re.IGNORECASE).strip()
        if any(x.lower().strip(".,") in roles for x in role.split()):
            return head, role or None
    words = text.split()
    for k in range(max(1, len(words) - 4), len(words)):
        name = words[k:]
        role = " ".join(words[:k]).rstrip(" ,")
        prev = _POSSESSIVE.sub("", words[k - 1]).strip(".,").lower()
        if not _name_words(name) or not ((prev in roles and prev not in _ROLE_ADJECTIVES)
                                         or _ROLE_OF.search(role)):
            continue
        if len(name) == 1 and g.by_fold.get(gaz.fold(name[0])) is None:
            continue  # one capitalised word after a role is too often not a name
        return " ".join(name), role
    return None


_ROLE_ADJECTIVES = frozenset({"foreign", "defense", "defence", "prime", "deputy"})
# "Secretary of State", "Minister for Foreign Affairs": a role whose last words name the office
_ROLE_OF = re.compile(r"\b(?:secretary|minister|director|chief|head|chairman|chairwoman|"
                      r"president|governor|ambassador|envoy|representative|spokes\w+)\s+"
                      r"(?:of|for|to)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?$",
                      re.IGNORECASE)


_OFFICIAL_NOUNS = frozenset({"official", "officials", "diplomat", "diplomats", "aide", "aides",
                             "officer", "officers"})


def _kind(text: str, head_low: str) -> str | None:
    w = _lex().words
    if _has_word(text, "intelligence"):
        return "intelligence"
    if head_low in w["expert"]:
        return "expert"
    if head_low in w["media"]:
        return "media"
    if head_low in w["officials"] or head_low in w["official_roles"] \
            or head_low in w["media_people"]:
        # "a U.S. official", "Iranian diplomats", "Iran's foreign minister"; a bare role word
        # ("the minister", "journalists") says too little to be a source
        if head_low in _OFFICIAL_NOUNS or _country_of(text) is not None:
            return "media" if head_low in w["media_people"] else "official"
        return None
    if head_low in w["unnamed"]:
        return "unnamed"
    if head_low in w["government"] or gaz.load().lookup(text) is not None:
        return "government"
    if _country_of(text) is not None:
        return "government"
    return None


def _has_word(text: str, group: str) -> bool:
    words = _lex().words[group]
    return any(w.lower() in words or w.strip(".,").lower() in words for w in text.split())


def _media_in(text: str) -> tuple[str, str | None] | None:
    m = _lex().media_pattern.search(text)
    if m is None:
        return None
    alias = m.group(1)
    if alias.isupper() and len(alias) <= 3 and alias not in text.split():
        return None
    return _lex().media.get(gaz.fold(alias))


def _person_in(phrase: list[Token], smap: SourceMap) -> tuple[Person, int, int] | None:
    found = _ner_person_in(phrase, smap)
    if found is not None:
        return found
    # no PERSON entity (NER not run there, or missed): the surname or full name of someone the
    # document introduced before ("Cho told lawmakers …" after "NIS Director Cho Tae-yong")
    for t in phrase:
        if t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.text[:1].isupper() and t.text[1:].islower():
            person = smap.people.get(gaz.fold(t.text))
            if person is not None and gaz.load().by_fold.get(gaz.fold(t.text)) is None:
                return person, t.i, t.i + 1
    return None


def _ner_person_in(phrase: list[Token], smap: SourceMap) -> tuple[Person, int, int] | None:
    for t in phrase:
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B":
            ent = next((e for e in t.sent.ents if e.start == t.i), None)
            if ent is None:
                continue
            person = smap.people.get(gaz.fold(ent.text)) or smap.people.get(gaz.fold(ent[-1].text))
            if person is None:
                person = Person(ent.text, None, _country_of(ent.text))
            return person, ent.start, ent.end
    return None


def _org_country(phrase: list[Token]) -> str | None:
    try:
        from tripwire.extract.actors import resolver
    except ImportError:  # pragma: no cover - the actor resolver is optional here
        return None
    for t in phrase:
        a = resolver().at(t)
        if a is not None and a.country:
            return a.country
    return None


def _pronoun(tok: Token, sent: Span, smap: SourceMap) -> Attribution | None:
    want = _PRONOUNS.get(tok.lower_, "any")
    if tok.lower_ == "they":  # "X and Y condemned what they said were …": the subject above
        for verb in tok.ancestors:
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i
                         and c.pos_ in {"PROPN", "NOUN"}), None)
            if subj is not None:
                atts = [a for a in _phrase_sources(subj, sent, smap) if a.kind != "media"]
                if atts:
                    return atts[0]
                break
    i = _index(smap, sent.start)
    if i is None:
        return None
    for j in range(i, max(-1, i - 6), -1):
        atts = smap.by_sentence.get(smap.order[j]) or []
        for a in reversed(atts):
            if want == "person" and a.name and a.kind in {"official", "intelligence", "expert"}:
                return a
            if want == "any" and tok.lower_ in {"it", "we"} and a.kind in {"government", "media"}:
                return a
            if want == "any" and tok.lower_ == "they" and a.kind != "media":
                return a
    return None


# --- sentences that were not parsed ---------------------------------------------------------
_SAID = re.compile(r"\b(said|says|told|according to|reported|stated|announced|confirmed)\b")


def _shallow(sent: Span, smap: SourceMap) -> list[tuple[Token, Attribution]]:
    """Sources of an unparsed sentence: outlets and known speakers named next to 'said'."""
    text = sent.text
    m = _SAID.search(text)
    if m is None:
        return []
    out: list[tuple[Token, Attribution]] = []
    tok = sent[0]
    media = _media_in(text)
    if media is not None:
        out.append((tok, Attribution(media[0], None, media[1], "media")))
    window = text[max(0, m.start() - 80) : m.end() + 60]
    for key, person in smap.people.items():
        if " " in key and person.name in window or (" " not in key and re.search(
                r"\b" + re.escape(key) + r"\b", window.lower())):
            att = Attribution(person.name, person.role, person.country or _country_of(person.name),
                              "official")
            if att not in [a for _, a in out]:
                out.append((tok, att))
            break
    if not out:
        country = _country_of(text[max(0, m.start() - 60) : m.start()])
        if country:
            out.append((tok, Attribution(None, None, country, "unnamed")))
    return out


# --- quotes ---------------------------------------------------------------------------------
def _speaker_for_span(doc: Doc, smap: SourceMap, s: int, e: int) -> Attribution | None:
    """The speaker of a direct quote: a frame outside the quote in its sentence(s), else near."""
    k = bisect.bisect_right(smap.char_starts, s) - 1
    sents = []
    for x in smap.sents[max(0, k) :]:
        if x.start_char >= e:
            break
        if x.end_char > s:
            sents.append(x)
    for x in sents:
        for verb, att in smap.frames.get(x.start, []):
            if not s <= verb.idx < e:
                return att
    if sents:
        i = _index(smap, sents[0].start)
        if i is not None:
            for j in (i + len(sents), i - 1):
                if 0 <= j < len(smap.order):
                    frames = smap.frames.get(smap.order[j])
                    if frames:
                        return frames[0][1]
    return None


def _quote(document: Document, text: str, att: Attribution | None, direct: bool, s: int,
           e: int) -> Quote:
    return Quote(
        id=make_id("qt", document.id, s, e),
        doc=document.id,
        text=text.strip(),
        speaker=None,
        speaker_name=att.name if att else None,
        speaker_role=att.role if att else None,
        speaker_country=att.country if att else None,
        direct=direct,
        evidence_start=s,
        evidence_end=e,
    )


__all__ = ["Person", "SourceMap", "attribute", "find_quotes", "person_country", "source_map"]
