"""Event extraction: documents → :class:`tripwire.model.Analysis` (entities, events, quotes).

Reading order of one batch (:func:`analyse_many`):

1. split every text into sentences with a regular expression and keep those that may hold an
   event (:mod:`.relevance`: a rule keyword and an actor), plus their neighbours;
2. parse only those runs of sentences with ``nlp.pipe``; the rest is tokenised only; the pieces
   are joined into one ``Doc`` per document whose text is the document text, so every offset is
   an offset into ``document.text``;
3. hand each parsed sentence to every rule of :mod:`.events` (:func:`.base.discover_rules`);
4. fill what the rules left open — polarity and modality (:mod:`.modality`), date
   (:mod:`.dates`), attribution (:mod:`.attribution`) — in :func:`_finish`, the one place that
   calls those helpers;
5. merge drafts into events per SPEC §5 rule 1 (:func:`merge`), and list the entities and quotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import LEMMA, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from thinc.types import Ints2d

from tripwire.extract import relevance
from tripwire.extract.actors import entities as list_entities
from tripwire.extract.actors import resolver
from tripwire.extract.base import Context, Draft, all_keywords, discover_rules
from tripwire.model import (
    Analysis,
    Attribution,
    Document,
    Event,
    EventDate,
    Evidence,
    coarse_stage,
    event_id,
)
from tripwire.nlp import gazetteer as gaz

GAZETTEER_PIPE = "tripwire_gazetteer"
# Sentences per nlp.pipe batch: short single-sentence docs are cheap only in large batches.
SENTENCE_BATCH = 128
# Finest stage first within a coarse stage (SPEC §5 rule 1 keeps the finest stated).
_STAGE_RANK = {"agreed": 2, "sought": 1, "threatened": 1, "delivered": 3, "imposed": 3,
               "lifted": 3, "held": 2, "signed": 2}
# The two roles whose pair keys an event (SPEC §6); the others are merged into the event.
KEY_ROLES = {
    "arms_transfer": ("supplier", "recipient"),
    "technology_transfer": ("supplier", "recipient"),
    "goods_transfer": ("supplier", "recipient"),
    "troop_deployment": ("sender", "host"),
    "sanction": ("imposer",),
    "recognition": ("recognizer", "recognized"),
    "diplomatic_protest": ("actor", "target"),
    "denial": ("actor", "denied"),
    "un_action": ("actor", "body"),
    "interdiction": ("actor", "target"),
    "meeting": ("participants",),
    "agreement": ("parties",),
}


def analyse(document: Document, nlp: Language) -> Analysis:
    """Entities, events and quotes of one document."""
    return analyse_many([document], nlp)[0]


def analyse_many(documents: Sequence[Document], nlp: Language,
                 batch_size: int = SENTENCE_BATCH) -> list[Analysis]:
    """Analyse a batch, parsing only the sentences that may hold an event (see module doc)."""
    docs = parse(documents, nlp, batch_size)
    return [analyse_doc(document, doc) for document, doc in zip(documents, docs, strict=True)]


# -- parsing --------------------------------------------------------------------------------


def parse(documents: Sequence[Document], nlp: Language,
          batch_size: int = SENTENCE_BATCH) -> list[Doc]:
    """One ``Doc`` per document (text == document text); only relevant sentences are parsed."""
    keywords = all_keywords(discover_rules())
    resolver().matcher(nlp.vocab, nlp.tokenizer)  # built with the model's own tokenizer
    plans: list[list[tuple[int, int, bool, list[relevance.Sentence]]]] = []
    texts: list[str] = []
    owners: list[int] = []  # the document each parsed sentence belongs to
    for n, document in enumerate(documents):
        text = document.text
        sentences = relevance.split(text)
        chosen = relevance.select(text, sentences, keywords)
        plan = []
        for start, end, do_parse in relevance.segments(sentences, chosen):
            inside = [s for s in sentences if start <= s.start < end]
            if do_parse:  # one piece per sentence: the parser sees the regex boundaries
                for s in inside:
                    plan.append((s.start, s.end, True, [s]))
                    texts.append(text[s.start : s.end])
                    owners.append(n)
            else:
                plan.append((start, end, do_parse, inside))
        plans.append(plan)
    parsed = iter(_pipe(nlp, texts, owners, max(batch_size, 1)))
    out: list[Doc] = []
    for document, plan in zip(documents, plans, strict=True):
        pieces: list[Doc] = []
        unparsed: set[int] = set()
        offset = 0
        for start, end, do_parse, inside in plan:
            if do_parse:
                piece = next(parsed)
                piece.tensor = numpy.zeros((0,), dtype="float32")
            else:
                piece = _tokenised(nlp, document.text, start, end, inside)
                unparsed.update(offset + t.i for t in piece if t.is_sent_start)
            offset += len(piece)
            pieces.append(piece)
        if not pieces:
            doc = nlp.make_doc(document.text)
        elif len(pieces) == 1:
            doc = pieces[0]
        else:
            doc = _join(nlp, document.text, pieces)
        if GAZETTEER_PIPE in nlp.pipe_names:
            doc = nlp.get_pipe(GAZETTEER_PIPE)(doc)
        doc.user_data["tripwire_unparsed"] = unparsed
        doc.user_data["tripwire_text"] = document.text
        out.append(doc)
    return out


_MONTHS_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})


# Tokens of context kept each side of a possible name when the NER reads it: its embedding
# looks four tokens each way (window 1, depth 4) and its transitions a few tokens ahead.
NER_CONTEXT = 6
# Windows per NER batch: they are short, and few large batches cost less than many small ones.
NER_BATCH = 1024


def _pipe(nlp: Language, texts: list[str], owners: list[int], batch_size: int) -> list[Doc]:
    """Parse ``texts`` (sentences; ``owners[i]`` is the document of ``texts[i]``) and run the
    costly, separately embedded NER only around the words that may be a name the lexicons do
    not know (:func:`_name_windows`); every other token is outside any entity."""
    skip = [p for p in ("ner", GAZETTEER_PIPE) if p in nlp.pipe_names]
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=skip))
    if "ner" not in nlp.pipe_names:
        return docs
    windows = _name_windows(nlp, docs, owners)
    pieces = [Doc(nlp.vocab, words=[t.text for t in doc[a:b]],
                  spaces=[bool(t.whitespace_) for t in doc[a:b]])
              for doc, spans in zip(docs, windows, strict=True) for a, b in spans]
    ner = cast(EntityRecognizer, nlp.get_pipe("ner"))
    found = iter(ner.pipe(pieces, batch_size=NER_BATCH))
    for doc, spans in zip(docs, windows, strict=True):
        ents: list[Span] = []
        for a, _b in spans:
            piece = next(found)
            ents.extend(Span(doc, a + e.start, a + e.end, label=e.label) for e in piece.ents)
        doc.set_ents(ents, default="outside")
    return docs


def _name_windows(nlp: Language, docs: list[Doc],
                  owners: list[int]) -> list[list[tuple[int, int]]]:
    """Token ranges of each sentence for the NER to read: :data:`NER_CONTEXT` tokens around
    every possible name (overlapping ranges merged).

    A possible name is a run of two or more adjacent capitalised proper nouns unknown to the
    gazetteer and the organisation lexicon (a full name: "John Kirby", "Korea Sonbong
    Shipping"), or one such noun that ends a full name of the same document ("Kirby said").
    """
    gaz_pipe = (cast(gaz.StateMatcher, nlp.get_pipe(GAZETTEER_PIPE))
                if GAZETTEER_PIPE in nlp.pipe_names else None)
    actors = resolver()
    strings = nlp.vocab.strings
    proper = {strings.add("NNP"), strings.add("NNPS")}
    names: dict[int, tuple[bool, str]] = {}  # orth → (may be a name, lower-case form)

    def name(orth: int) -> tuple[bool, str]:
        hit = names.get(orth)
        if hit is None:
            text = strings[orth]
            low = text.lower()
            hit = names[orth] = (text[:1].isupper() and low not in _MONTHS_DAYS, low)
        return hit

    unknown: list[list[bool]] = []
    lowers: list[list[str]] = []
    surnames: dict[int, set[str]] = {}
    for doc, owner in zip(docs, owners, strict=True):
        known: set[int] = set()
        if gaz_pipe is not None:
            for _m, a, b in gaz_pipe.matcher(doc):
                known.update(range(a, b))
        for _m, a, b in actors.matcher(doc.vocab)(doc):
            known.update(range(a, b))
        arr = doc.to_array([TAG, ORTH]).tolist() if len(doc) else []
        flags: list[bool] = []
        low: list[str] = []
        for i, (tag, orth) in enumerate(arr):
            capital, lower = name(orth)
            flags.append(tag in proper and capital and i not in known)
            low.append(lower)
        unknown.append(flags)
        lowers.append(low)
        for i in range(len(flags) - 1):
            if flags[i] and flags[i + 1] and not (i + 2 < len(flags) and flags[i + 2]):
                surnames.setdefault(owner, set()).add(low[i + 1])
    out = []
    for owner, flags, low in zip(owners, unknown, lowers, strict=True):
        found = surnames.get(owner, set())
        n = len(flags)
        hits = [i for i in range(n) if flags[i] and (
            (i > 0 and flags[i - 1]) or (i + 1 < n and flags[i + 1]) or low[i] in found)]
        spans: list[tuple[int, int]] = []
        for i in hits:
            a, b = max(0, i - NER_CONTEXT), min(n, i + 1 + NER_CONTEXT)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        out.append(spans)
    return out


_JOIN_ATTRS = list(Doc._get_array_attrs())  # what Doc.from_docs carries over


def _join(nlp: Language, text: str, pieces: list[Doc]) -> Doc:
    """``Doc.from_docs(pieces, ensure_whitespace=False)``, without its per-token Python loops.

    ``text`` is tokenised once and, when its tokens are the pieces' tokens (the pieces tile the
    text at whitespace, so they nearly always are), the pieces' annotations are concatenated and
    written with one ``from_array``; otherwise, or when a piece carries spans or user data, the
    pieces are joined by ``Doc.from_docs`` itself.
    """
    if any(p.spans or p.user_data for p in pieces):
        return Doc.from_docs(pieces, ensure_whitespace=False)
    doc = nlp.make_doc(text)
    arrays = [p.to_array(_JOIN_ATTRS) for p in pieces]
    concat = numpy.concatenate(arrays)
    if len(doc) != len(concat) or not numpy.array_equal(
            doc.to_array(_JOIN_KEYS), concat[:, _JOIN_KEY_COLS]):
        return Doc.from_docs(pieces, ensure_whitespace=False)
    doc.from_array(_JOIN_ATTRS, cast("Ints2d", concat))
    doc.tensor = numpy.zeros((sum(1 for p in pieces if len(p)), 0), dtype="float32")
    return doc


_JOIN_KEYS = [ORTH, SPACY]
_JOIN_KEY_COLS = [_JOIN_ATTRS.index(a) for a in _JOIN_KEYS]


def _tokenised(nlp: Language, text: str, start: int, end: int,
               sentences: list[relevance.Sentence]) -> Doc:
    """A tokenised, unparsed piece whose sentence boundaries are the regex sentences'.

    Each sentence gets a flat tree (every token attached to the first with dep ``dep``) so that
    the joined ``Doc`` keeps the boundaries; ``pos_`` and ``lemma_`` stay empty.
    """
    tokens = nlp.make_doc(text[start:end])
    if not len(tokens):
        return tokens
    starts = {s.start - start for s in sentences}
    heads, deps = [], []
    root = 0
    for t in tokens:
        if t.idx in starts or t.i == 0:
            root = t.i
        heads.append(root)
        deps.append("ROOT" if root == t.i else "dep")
    return Doc(nlp.vocab, words=[t.text for t in tokens],
               spaces=[bool(t.whitespace_) for t in tokens], heads=heads, deps=deps)


# -- rules and helpers ----------------------------------------------------------------------


def analyse_doc(document: Document, doc: Doc) -> Analysis:
    """Run every rule on every parsed sentence of ``doc`` and merge the results."""
    ctx = Context(document=document, doc=doc, gazetteer=gaz.load(), actors=resolver())
    drafts: list[Draft] = []
    rules = discover_rules()
    lemmas = doc.to_array([LEMMA]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    for sentence in ctx.sentences():
        if not ctx.is_parsed(sentence):
            continue
        # a rule reads only the sentences holding one of its keywords, as a word or a lemma
        # ("struck" → strike, "lent" → lend)
        words = {*relevance.words(sentence.text),
                 *(strings[x].lower() for x in lemmas[sentence.start : sentence.end])}
        for rule in rules:
            if relevance.any_keyword(words, rule.keywords):
                drafts.extend(rule.find(sentence, ctx))
    events = merge([_finish(d, ctx) for d in complete(drafts)], ctx.cache.get("act_dates", ()))
    quotes = _quotes(doc, document, ctx)
    return Analysis(document=document, entities=tuple(list_entities(doc, ctx, events)),
                    events=tuple(events), quotes=tuple(quotes))


def complete(drafts: list[Draft]) -> list[Draft]:
    """Fill an elided counterpart from the document ("purchases from North Korea" → by Russia).

    A draft whose pair lacks one side takes the counterpart most often paired with its known side
    in the document's complete drafts. A party seeking something with no partner on that side
    seeks it from the partner it trades with the other way ("the North is seeking military
    assistance" in an article on its arms sales to Russia). With no such pair it is dropped.
    """
    pairs: Counter[tuple[tuple[str, ...], str, str]] = Counter()
    for d in drafts:
        roles = KEY_ROLES.get(d.type, ())
        if len(roles) == 2 and d.actors.get(roles[0]) and d.actors.get(roles[1]):
            for a in d.actors[roles[0]]:
                for b in d.actors[roles[1]]:
                    pairs[(roles, a, b)] += 1
    out = []
    for d in drafts:
        roles = KEY_ROLES.get(d.type, ())
        if len(roles) != 2 or (d.actors.get(roles[0]) and d.actors.get(roles[1])):
            out.append(d)
            continue
        left, right = d.actors.get(roles[0], ()), d.actors.get(roles[1], ())
        known = left or right
        if not known:
            continue
        cands = Counter({(b if left else a): n for (r, a, b), n in pairs.items()
                         if r == roles and (a if left else b) in known
                         and (b if left else a) not in known})
        if not cands and d.stage == "sought":  # what X seeks, it seeks from its partner
            cands = Counter({(a if left else b): n for (r, a, b), n in pairs.items()
                             if r == roles and (b if left else a) in known
                             and (a if left else b) not in known})
            d.confidence *= 0.8
        if not cands:
            continue
        best = cands.most_common(1)[0][0]
        d.actors = {**d.actors, (roles[1] if left else roles[0]): (best,)}
        d.confidence *= 0.8
        out.append(d)
    return out


def _helpers() -> dict[str, Any]:
    """The shared helpers written alongside (modality, dates, attribution), where present."""
    found: dict[str, Any] = {}
    try:
        from tripwire.extract import modality

        found["classify"] = modality.classify
    except ImportError:
        pass
    try:
        from tripwire.extract import dates

        found["dated"] = dates.dated
    except ImportError:
        pass
    try:
        from tripwire.extract import attribution

        found["attribute"] = attribution.attribute
        found["find_quotes"] = getattr(attribution, "find_quotes", None)
    except ImportError:
        pass
    return found


def _finish(draft: Draft, ctx: Context) -> Event:
    helpers = ctx.cache.get("_helpers")
    if helpers is None:
        helpers = ctx.cache["_helpers"] = _helpers()
    polarity, modality = draft.polarity, draft.modality
    if (polarity is None or modality is None) and "classify" in helpers:
        p, m = helpers["classify"](draft.sentence, draft.trigger)
        polarity = polarity or p
        modality = modality or m
    date, act = draft.date, draft.date is not None
    if date is None and "dated" in helpers:
        date, act = helpers["dated"](draft.sentence, ctx.published, draft.trigger)
    attribution = draft.attribution
    if attribution is None and "attribute" in helpers:
        attribution = tuple(helpers["attribute"](draft.sentence, ctx))
    sent = draft.sentence
    text = sent.text.rstrip()
    evidence = Evidence(sent.start_char, sent.start_char + len(text), text)
    actors = {k: tuple(v) for k, v in draft.actors.items()}
    polarity = polarity or "positive"
    modality = modality or "asserted"
    event = Event(
        id=event_id(ctx.document.id, draft.type, actors, draft.stage, polarity,
                    _modality_key(modality)),
        doc=ctx.document.id, type=draft.type, stage=draft.stage, polarity=polarity,  # type: ignore[arg-type]
        modality=modality, actors=actors, items=draft.items, quantity=draft.quantity,  # type: ignore[arg-type]
        date=date, location=draft.location, attribution=attribution or (),
        evidence=(evidence,), confidence=draft.confidence,
    )
    if act:  # merging prefers the act's date to a disclosure's (SPEC §5 rule 3)
        ctx.cache.setdefault("act_dates", set()).add(_mention(event))
    return event


def _mention(event: Event) -> tuple[str, int]:
    return event.id, event.evidence[0].start if event.evidence else -1


def _quotes(doc: Doc, document: Document, ctx: Context) -> list[Any]:
    helpers = ctx.cache.get("_helpers") or _helpers()
    fn = helpers.get("find_quotes")
    return list(fn(doc, document, ctx)) if fn else []


# -- merging (SPEC §5 rule 1) ---------------------------------------------------------------


def merge_key(event: Event) -> tuple[Any, ...]:
    roles = KEY_ROLES.get(event.type, tuple(sorted(event.actors)))
    pair = tuple(tuple(sorted(event.actors.get(r, ()))) for r in roles)
    return (event.type, pair, coarse_stage(event.stage), event.polarity, event.modality)


def merge(events: Iterable[Event], acts: Collection[tuple[str, int]] = ()) -> list[Event]:
    """One event per (type, actor pair, coarse stage, polarity, modality); evidence merged.

    Meetings are the exception SPEC §6 allows: the same participants may meet more than once,
    so mentions whose own sentences date them to different months stay separate meetings
    (:func:`_by_month`)."""
    groups: dict[tuple[Any, ...], list[Event]] = {}
    for ev in events:
        groups.setdefault(merge_key(ev), []).append(ev)
    out = []
    for group in groups.values():
        parts = _by_month(group) if group[0].type == "meeting" else [(None, group)]
        for k, (month, part) in enumerate(parts):
            ev = _merge_group(part, acts)
            if k:  # a further meeting of the same participants: its month tells it apart
                ev = ev.replace(id=event_id(ev.doc, ev.type, ev.actors, ev.stage, ev.polarity,
                                            (_modality_key(ev.modality), month)))
            out.append(ev)
    return out


def _modality_key(modality: str) -> str | None:
    """What an event id adds for modality: nothing for an asserted event."""
    return None if modality == "asserted" else modality


def _month(event: Event) -> str | None:
    """The month an event's own sentence dates it to ("in July", "on September 13")."""
    date = event.date
    if not _explicit(event) or date is None or date.precision not in ("day", "week", "month"):
        return None
    return str(date.value)[:7]


def _by_month(group: list[Event]) -> list[tuple[str | None, list[Event]]]:
    """Mentions of one meeting key (in text order) split by the months their sentences state,
    first named first; a mention with no month of its own joins the meeting of its (resolved)
    month, else the first one named."""
    months = list(dict.fromkeys(m for m in map(_month, group) if m))
    if len(months) < 2:
        return [(None, group)]
    parts: dict[str, list[Event]] = {m: [] for m in months}
    for ev in group:
        month = _month(ev) or (str(ev.date.value)[:7] if ev.date and ev.date.value else None)
        parts[month if month in parts else months[0]].append(ev)
    return list(parts.items())


def _merge_group(group: list[Event], acts: Collection[tuple[str, int]] = ()) -> Event:
    if len(group) == 1:
        return group[0]
    first = group[0]
    stage = max(group, key=lambda e: _STAGE_RANK.get(e.stage, 0)).stage
    actors: dict[str, tuple[str, ...]] = {}
    for ev in group:
        for role, names in ev.actors.items():
            actors[role] = tuple(dict.fromkeys([*actors.get(role, ()), *names]))
    items = tuple(dict.fromkeys(i for ev in group for i in ev.items))
    evidence = tuple(sorted({e.start: e for ev in group for e in ev.evidence}.values(),
                            key=lambda e: e.start))
    attribution: tuple[Attribution, ...] = tuple(dict.fromkeys(
        a for ev in sorted(group, key=lambda e: _mention_rank(e, stage, acts))
        for a in ev.attribution))
    quantity = next((ev.quantity for ev in group if ev.quantity is not None), None)
    date = _best_date(group, stage, acts)
    location = next((ev.location for ev in group if ev.location), None)
    return first.replace(
        id=event_id(first.doc, first.type, actors, stage, first.polarity,
                    _modality_key(first.modality)),
        stage=stage, actors=actors, items=items, quantity=quantity, date=date, location=location,
        attribution=attribution, evidence=evidence,
        confidence=max(ev.confidence for ev in group),
    )


def _explicit(event: Event) -> bool:
    """Whether the event's date is written in its own evidence sentence (not a fallback)."""
    date = event.date
    if date is None or not date.value or not date.text:
        return False
    return any(date.text.lower() in e.text.lower() for e in event.evidence)


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _mention_rank(event: Event, stage: str,
                  acts: Collection[tuple[str, int]] = ()) -> tuple[int, int, int, int, int]:
    """Sort key of the mentions of one event, best first: a mention dated by its act (not by a
    disclosure), then one whose sentence states its date, then the finer date, then the mention
    at the merged (finest) stage, then text order."""
    date = event.date
    dated = date is not None and bool(date.value)
    return (0 if dated and _mention(event) in acts else 1,
            0 if _explicit(event) else 1 if dated else 2,
            _PRECISION_RANK.get((date.precision if date else None) or "", 4),
            0 if event.stage == stage else 1,
            event.evidence[0].start if event.evidence else 0)


def _best_date(group: list[Event], stage: str,
               acts: Collection[tuple[str, int]] = ()) -> EventDate | None:
    """The date of the best mention (:func:`_mention_rank`), not merely the first one."""
    best = min(group, key=lambda e: _mention_rank(e, stage, acts))
    return best.date if best.date is not None and best.date.value else None


__all__ = ["analyse", "analyse_doc", "analyse_many", "merge", "parse"]
