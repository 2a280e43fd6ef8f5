"""States and their metonyms resolved to ISO 3166-1 alpha-3 codes.

The table is built once from ``lexicons/states.yaml`` (short names, demonyms, capitals, leaders,
government bodies) and pycountry (every state's official and common names). Two ways in:

- :class:`Gazetteer` answers for plain strings: ``lookup("the Kremlin")`` → ``StateHit(RUS)``,
  ``country_in("a U.S. official")`` → ``"USA"``;
- the spaCy component ``tripwire_gazetteer`` marks every mention in a ``Doc`` as a span with
  label ``STATE`` and ``kb_id_`` the ISO3 code, in ``doc.spans["states"]``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from tripwire.datafiles import read_yaml

KINDS = ("names", "demonyms", "capitals", "leaders", "bodies")
# Mentions of these kinds inside a larger named entity name something else
# ("Washington Post", "Moscow Times"), so the component skips them there.
_EMBEDDABLE = frozenset({"names", "demonyms", "bodies"})

@dataclass(frozen=True, slots=True)
class StateHit:
    iso3: str
    kind: str  # one of KINDS
    alias: str


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; a leading "the" is dropped."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = s.replace("'s", "").replace("’s", "")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _fold_keep_dots(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


class Gazetteer:
    """Alias table: folded alias → :class:`StateHit`."""

    def __init__(self, entries: dict[str, dict[str, list[str]]], extra_names: dict[str, list[str]]):
        self.by_fold: dict[str, StateHit] = {}
        self.surface: dict[str, StateHit] = {}
        self.names: dict[str, str] = {}
        for iso3, names in extra_names.items():
            for name in names:
                self._add(name, StateHit(iso3, "names", name))
        for iso3, kinds in entries.items():
            for kind in KINDS:
                for alias in kinds.get(kind) or []:
                    self._add(alias, StateHit(iso3, kind, alias), override=True)
            first = (kinds.get("names") or [iso3])[0]
            self.names[iso3] = first
        for iso3, names in extra_names.items():
            self.names.setdefault(iso3, names[0])

    def _add(self, alias: str, hit: StateHit, override: bool = False) -> None:
        key = fold(alias)
        if not key:
            return
        if override or key not in self.by_fold:
            self.by_fold[key] = hit
        self.surface[_fold_keep_dots(alias)] = hit

    def lookup(self, text: str) -> StateHit | None:
        """The state a whole mention stands for, or None."""
        return self.by_fold.get(fold(text))

    def country_in(self, text: str) -> str | None:
        """The ISO3 of the longest state alias inside ``text`` ("a U.S. official" → USA)."""
        words = fold(text).split()
        for n in range(min(len(words), 6), 0, -1):
            for i in range(len(words) - n + 1):
                hit = self.by_fold.get(" ".join(words[i : i + n]))
                if hit and not (n == 1 and words[i] == "us" and "U.S" not in text
                                and "US" not in text):
                    return hit.iso3
        return None

    def name(self, iso3: str) -> str:
        """A readable name for a code ("PRK" → "North Korea")."""
        return self.names.get(iso3, iso3)

    def patterns(self) -> dict[str, StateHit]:
        """Surface forms for the phrase matcher (case-sensitive), with their hits; each as
        written and with typographic apostrophes ("Democratic People’s Republic of Korea")."""
        out: dict[str, StateHit] = {}
        for alias, hit in self.surface.items():
            bare = alias[4:] if alias.lower().startswith("the ") else None
            for form in (alias, bare):
                for variant in spellings(form) if form else ():
                    out.setdefault(variant, hit)
        return out


def spellings(text: str) -> tuple[str, ...]:
    """``text`` and, if it has a straight apostrophe, the same with a typographic one."""
    return (text, text.replace("'", "’")) if "'" in text else (text,)


def _pycountry_names() -> dict[str, list[str]]:
    import pycountry

    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        out[c.alpha_3] = [n for n in names if n]
    return out


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer built from the packaged lexicon (cached per process)."""
    return Gazetteer(read_yaml("tripwire.lexicons", "states.yaml"), _pycountry_names())


if not Span.has_extension("iso3"):
    Span.set_extension("iso3", getter=lambda span: span.kb_id_ or None)


@Language.factory("tripwire_gazetteer", assigns=["doc.spans"], requires=["doc.ents"],
                  default_config={"spans_key": "states"})
def make_gazetteer(nlp: Language, name: str, spans_key: str) -> StateMatcher:
    return StateMatcher(nlp, spans_key)


class StateMatcher:
    """Marks state mentions as ``STATE`` spans whose ``kb_id_`` is the ISO3 code."""

    def __init__(self, nlp: Language, spans_key: str = "states") -> None:
        self.gazetteer = load()
        self.spans_key = spans_key
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.hits: dict[int, StateHit] = {}
        for surface, hit in self.gazetteer.patterns().items():
            key = nlp.vocab.strings.add(f"{hit.iso3}|{hit.kind}|{surface}")
            self.hits[key] = hit
            self.matcher.add(str(key), [nlp.make_doc(surface)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            hit = self.hits[int(doc.vocab.strings[match_id])]
            if hit.kind not in _EMBEDDABLE and _inside_larger_entity(doc, start, end):
                continue
            spans.append(Span(doc, start, end, label="STATE", kb_id=hit.iso3))
        doc.spans[self.spans_key] = _non_overlapping(spans)
        return doc


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """The longest mentions where they overlap, a leading "the" not counting towards length:
    in "the North Korean leader", "North Korean" wins over "the North" (and "Korean" is not
    left over as a mention of South Korea); in text order."""
    def weight(span: Span) -> tuple[int, int, int]:
        content = len(span) - (1 if span[0].lower_ == "the" else 0)
        return (-content, -len(span), span.start)

    taken: set[int] = set()
    out = []
    for span in sorted(spans, key=weight):
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda span: span.start)


def _inside_larger_entity(doc: Doc, start: int, end: int) -> bool:
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end and (ent.end - ent.start) > (end - start):
            return ent.label_ in {"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"}
    return False
