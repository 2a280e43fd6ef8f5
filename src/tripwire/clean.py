"""Stage 2: the article's main text, without web furniture, with whitespace normalised.

HTML goes through trafilatura (main text, title, author, site name) and htmldate (the date);
plain text goes through a line classifier, :func:`is_boilerplate`, a pure function of one line and
its :class:`LineContext` that returns its decision with a reason. Its phrase lists and shapes are
data in ``lexicons/boilerplate.yaml``. Kept lines are never rewritten beyond whitespace, so later
stages can compute character offsets on ``Cleaned.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tripwire.datafiles import read_yaml
from tripwire.read import RawDocument

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[_][A-Za-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z0-9]*$")
_TERMINAL = re.compile(r"[.?!…:;\"”’»)\]]\s*$")
_SOURCE = re.compile(r"^\W*(source|sources|via|origin)\s*:\s*\S", re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s*[—–-]+\s*$")
_DECORATION = " \t-–—|•·*#>_=:!.…,;[](){}\"'“”‘’«»"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned main text, and what the HTML said about the article (None for text)."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None
    dropped: tuple[tuple[str, str], ...] = ()  # (line, reason) for each line removed


@dataclass(frozen=True, slots=True)
class LineContext:
    """What :func:`is_boilerplate` may know about a line besides its text."""

    index: int = 0  # position among the document's non-blank lines
    total: int = 1  # number of non-blank lines
    latin_share: float = 1.0  # share of the document's letters that are Latin
    repeated: bool = False  # the same line occurred earlier in the document


@dataclass(frozen=True, slots=True)
class _Lexicon:
    short_words: int
    exact: frozenset[str]
    strong: tuple[tuple[str, re.Pattern[str]], ...]
    weak: tuple[tuple[str, re.Pattern[str]], ...]
    bio: tuple[re.Pattern[str], ...]
    bio_tail: tuple[re.Pattern[str], ...]
    menu_words: frozenset[str]
    menu_separators: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The boilerplate data, loaded once from ``lexicons/boilerplate.yaml``."""
    raw: dict[str, Any] = read_yaml("tripwire.lexicons", "boilerplate.yaml")
    flags = re.IGNORECASE
    return _Lexicon(
        short_words=int(raw["short_words"]),
        exact=frozenset(str(x).lower() for x in raw["exact"]),
        strong=tuple((k, re.compile(v, flags)) for k, v in raw["strong"].items()),
        weak=tuple((k, re.compile(v, flags)) for k, v in raw["weak"].items()),
        bio=tuple(re.compile(p, flags) for p in raw["bio"]),
        bio_tail=tuple(re.compile(p) for p in raw["bio_tail"]),
        menu_words=frozenset(str(x).lower() for x in raw["menu_words"]),
        menu_separators=re.compile(raw["menu_separators"]),
    )


def normalize_line(line: str) -> str:
    """One line with invisible characters removed and runs of blanks made one space."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _key(line: str) -> str:
    return " ".join(line.strip(_DECORATION).lower().split())


def latin_share(text: str) -> float:
    letters = _LETTER.findall(text)
    return len(_LATIN.findall(text)) / len(letters) if letters else 1.0


def is_sentence(line: str, words: list[str] | None = None) -> bool:
    """A line shaped like running prose: 8+ words, mostly lower-case, ending a sentence."""
    words = words if words is not None else _WORD.findall(line)
    if len(words) < 8 or not _TERMINAL.search(line):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= len(words) * 0.4


def is_boilerplate(line: str, context: LineContext | None = None) -> tuple[bool, str]:
    """Decide whether one (normalised, non-blank) line is web furniture; return (drop, reason)."""
    ctx = context or LineContext()
    lex = lexicon()
    key = _key(line)
    words = _WORD.findall(line)
    if not key or not words:
        return True, "no words"
    if key in lex.exact:
        return True, f"boilerplate phrase {key!r}"
    for name, pattern in lex.strong:
        if pattern.search(line):
            return True, f"boilerplate pattern '{name}'"
    if any(p.search(line) for p in lex.bio):
        return True, "author bio"
    if ctx.index >= ctx.total * 2 / 3 and any(p.search(line) for p in lex.bio_tail):
        return True, "author bio at the end of the page"
    if ctx.latin_share >= 0.8 and len(words) <= 8 and latin_share(line) < 0.5:
        return True, "non-Latin UI string in a Latin-script page"
    if " " not in line.strip() and _IDENTIFIER.match(line.strip()):
        return True, "UI identifier"
    if _SOURCE.match(line):
        return False, "source attribution"
    if _DATELINE.match(line):
        return False, "dateline"
    sentence = is_sentence(line, words)
    if sentence:
        return False, "sentence"
    if len(words) <= lex.short_words:
        for name, pattern in lex.weak:
            if pattern.search(line):
                return True, f"short line with boilerplate pattern '{name}'"
        segments = [s for s in lex.menu_separators.split(line) if s.strip()]
        lettered = [s for s in segments if _LETTER.search(s)]
        if len(lettered) >= 3 and all(len(_WORD.findall(s)) <= 3 for s in segments) \
                and "://" not in line:
            return True, "menu or breadcrumb"
        menu = sum(1 for w in words if w.lower() in lex.menu_words)
        if len(words) >= 2 and menu >= len(words) * 0.6 and not _TERMINAL.search(line):
            return True, "menu words"
        if ctx.repeated:
            return True, "repeated short line"
    if len(words) <= 3 and not _TERMINAL.search(line) and not any(c.isdigit() for c in line):
        return True, "short fragment without sentence shape"
    return False, "text"


def _wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at (cut at a fixed width, mid-sentence), if they
    were: most lines are about that long and end without a full stop."""
    if len(lines) < 6:
        return None
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.9)]
    cut = [line for line in lines if _cut_at(line, width)]
    return width if width >= 40 and len(cut) >= 0.5 * len(lines) else None


def _cut_at(line: str, width: int) -> bool:
    """Whether ``line`` was cut by the wrap: about ``width`` long, without a full stop."""
    return width * 0.75 <= len(line) <= width and not _TERMINAL.search(line)


def _unwrap(rows: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Hard-wrapped text back to one line per paragraph: a line cut at the wrap width without a
    full stop goes on in the next line ("… accused North" + "Korea of sending …")."""
    width = _wrap_width([line for line, _ in rows])
    if width is None:
        return rows
    out: list[tuple[str, bool]] = []
    carry = False
    for line, blank_before in rows:
        if carry and not blank_before:
            out[-1] = (f"{out[-1][0]} {line}", out[-1][1])
        else:
            out.append((line, blank_before))
        carry = _cut_at(line, width)
    return out


def clean_text(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Drop boilerplate lines from plain text; keep paragraph breaks ("\\n\\n") and line breaks.
    Hard-wrapped text is first joined back into paragraphs (:func:`_unwrap`)."""
    rows: list[tuple[str, bool]] = []  # (normalised line, blank line before it)
    blank = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        norm = normalize_line(line)
        if not norm:
            blank = True
            continue
        rows.append((norm, blank))
        blank = False
    rows = _unwrap(rows)
    share = latin_share(text)
    seen: set[str] = set()
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    gap = False
    for i, (line, blank_before) in enumerate(rows):
        gap = gap or blank_before
        ctx = LineContext(index=i, total=len(rows), latin_share=share, repeated=line in seen)
        seen.add(line)
        drop, reason = is_boilerplate(line, ctx)
        if drop:
            dropped.append((line, reason))
            continue
        if kept:
            kept.append("\n\n" if gap else "\n")
        kept.append(line)
        gap = False
    return "".join(kept), tuple(dropped)


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})


def html_to_text(html: str) -> str:
    """All visible text of a page, however broken its markup, one block per line."""
    import lxml.etree
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return "\n".join(normalize_line(s) for s in re.sub(r"<[^>]*>", "\n", html).split("\n")
                         if normalize_line(s))
    parts: list[str] = []
    skip = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS:
                skip += 1
            if skip:
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text)
        else:
            if tag in _SKIP_TAGS:
                skip -= 1
            if skip:
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    lines = (normalize_line(s) for s in "".join(parts).split("\n"))
    return "\n".join(s for s in lines if s)


def _html_date(html: str, url: str | None) -> str | None:
    import htmldate

    try:
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate rejects some broken pages; the date is then inferred later
        return None


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """trafilatura's main text (re-checked line by line) and metadata; lxml text as fallback."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura fails on some malformed pages; fall back to lxml below
        doc = None
    main = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not main.strip():
        main = html_to_text(html)
    text, dropped = clean_text(main)

    def meta(name: str) -> str | None:
        value = getattr(doc, name, None) if doc is not None else None
        return normalize_line(value) or None if isinstance(value, str) else None

    return Cleaned(
        text=text,
        title=meta("title"),
        date=_html_date(html, url),
        author=meta("author"),
        url=meta("url"),
        sitename=meta("sitename"),
        dropped=dropped,
    )


def clean(raw: RawDocument) -> Cleaned:
    """The cleaned text of ``raw``: its ``text`` when given, else the main text of its ``html``."""
    if raw.text is not None and raw.text.strip():
        text, dropped = clean_text(raw.text)
        return Cleaned(text=text, url=raw.url, dropped=dropped)
    if raw.html is not None:
        return clean_html(raw.html, raw.url)
    return Cleaned(text="")
