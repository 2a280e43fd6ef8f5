"""Stage 3: outlet, publication date, title and URL of a document, each marked when inferred.

What the input says wins (JSON fields, feed entries); then what the HTML page declares
(trafilatura's site name and title, htmldate's date); then what can be inferred: the outlet from
the URL host (``lexicons/outlets.yaml``) or from shapes in the raw text (a copyright line, a wire
lead such as "(Agency) —", "Most read from X", "Source: X", "I joined X as"), the date from the raw
text (copyright year, full dates, photo-caption dates, then weekdays and "on the 5th" resolved
forward from the latest full date). Inference runs on the RAW text: cleaning removes the very
lines (copyright, source) that name the outlet and year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from tripwire.clean import Cleaned, html_to_text, normalize_line
from tripwire.datafiles import read_yaml
from tripwire.read import RawDocument


@dataclass(frozen=True, slots=True)
class Metadata:
    outlet: str | None
    outlet_inferred: bool
    published: str | None  # ISO date as precise as known: "2022-09-07", "2022-09" or "2022"
    published_inferred: bool
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class _Outlets:
    hosts: dict[str, str]
    suffixes: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def outlets() -> _Outlets:
    raw: dict[str, Any] = read_yaml("tripwire.lexicons", "outlets.yaml")
    return _Outlets(
        hosts={str(k).lower(): str(v) for k, v in raw["hosts"].items()},
        suffixes=tuple(sorted(raw["corporate_suffixes"], key=len, reverse=True)),
        patterns=tuple((k, re.compile(v, re.MULTILINE)) for k, v in raw["text_patterns"].items()),
    )


# ---------------------------------------------------------------------------------------- outlet

def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
    return host.removeprefix("www.") or None


def outlet_for_host(host: str) -> str | None:
    """The outlet name the table gives for ``host`` or its closest listed parent domain."""
    table = outlets().hosts
    parts = host.removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


_CUT = re.compile(r"\(|\||\s[-–—]\s|\ball rights\b|\bwww\.|https?://|\[|/|\.\s", re.IGNORECASE)


def _tidy_name(text: str) -> str | None:
    """An outlet name out of the rest of a matched line, or None when it does not look like one."""
    name = _CUT.split(text, maxsplit=1)[0].strip(" ,;:-–—\"'")
    for suffix in outlets().suffixes:
        if name.endswith(" " + suffix) or name.endswith("," + suffix):
            name = name[: -len(suffix)]
            break
    name = name.strip(" .,;:-–—\"'")
    words = name.split()
    if not words or len(words) > 6 or not (name[0].isupper() or name[0].isdigit()):
        return None
    return name


def outlet_from_text(text: str) -> str | None:
    """An outlet named by a generic shape in the text, trying the most trusted shapes first."""
    for name, pattern in outlets().patterns:
        for match in pattern.finditer(text):
            value = match.group("name")
            if name == "source":
                host = host_of(value) if re.match(r"https?://", value) else None
                if host:
                    return outlet_for_host(host) or host
            found = _tidy_name(value)
            if found:
                return found
    return None


# ------------------------------------------------------------------------------------------ date

_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FULL = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}[./-](?P<m>\d{{1,2}})[./-](?P<day>\d{{1,2}})\b"),
)
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d{2}|\d{2})\b")
_MONTH_DAY = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d{{2}})"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d{{2}})"),
)
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?P<y1>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?<![\d.,/-])(?P<year>(?:19|20)\d{2})(?![\d/-])")
_END_OF = re.compile(r"\bend\s+of\s+$", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINAL = re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of\b|[A-Za-z]))")


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def _full_dates(text: str) -> list[dt.date]:
    found: list[dt.date] = []
    for pattern in _FULL:
        for m in pattern.finditer(text):
            month = _month(m["mon"]) if "mon" in m.groupdict() and m["mon"] else int(m["m"])
            date = _date(int(m["year"]), month, int(m["day"]))
            if date:
                found.append(date)
    for m in _NUMERIC.finditer(text):
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        if len(m["y"]) == 2 and m.group(2) != "/":
            continue
        a, b = int(m["a"]), int(m["b"])
        options = {d for d in (_date(year, b, a), _date(year, a, b)) if d}
        if len(options) == 1:
            found.extend(options)
    return found


def _resolve_forward(anchor: dt.date, text: str, weekdays: bool) -> dt.date:
    """Move ``anchor`` on to the latest "the Nth" (≤31 days on) and, when ``weekdays``, to the
    latest weekday (≤6 days on) the text mentions.

    Korean-style reports date acts "on the 5th (local time)" in the month of publication, so an
    ordinal below the anchor's day points to the next month. Weekdays are only trusted after an
    anchor that is an event mentioned in passing (a date without year), never after a dateline.
    """
    best = anchor
    if weekdays:
        for m in _WEEKDAY.finditer(text):
            ahead = (_WEEKDAYS.index(m[1].lower()) - anchor.weekday()) % 7
            best = max(best, anchor + dt.timedelta(days=ahead))
    for m in _ORDINAL.finditer(text):
        day = int(m["day"])
        for offset in range(32):
            cand = anchor + dt.timedelta(days=offset)
            if cand.day == day:
                best = max(best, cand)
                break
    return best


def _yearless(text: str) -> list[tuple[int, int]]:
    found = []
    for pattern in _MONTH_DAY:
        for m in pattern.finditer(text):
            found.append((_month(m["mon"]), int(m["day"])))
    return found


def published_from_text(text: str) -> str | None:
    """The latest plausible date the text states, as precise as the text allows, or None.

    Full dates (with a year) first; dates without a year take the year of the latest full date
    (the year before when that would put them more than 60 days later), else the copyright year.
    Failing any day, the copyright year, else a year the text gives as "the end of YYYY".
    Month-year mentions and other bare years are mostly history ("since February 2022") and are
    not used.
    """
    copyright_years = [int(m["y2"] or m["y1"]) for m in _COPYRIGHT_YEAR.finditer(text)]
    ref_year = max(copyright_years) if copyright_years else None
    full = _full_dates(text)
    anchor = max(full) if full else None
    passing: list[dt.date] = []
    for month, day in _yearless(text):
        if anchor is not None:
            date = _date(anchor.year, month, day)
            if date and date > anchor + dt.timedelta(days=60):
                date = _date(anchor.year - 1, month, day)
        else:
            date = _date(ref_year, month, day) if ref_year else None
        if date:
            passing.append(date)
    if anchor is not None or passing:
        best = max(full + passing)
        return _resolve_forward(best, text, weekdays=anchor is None).isoformat()
    if ref_year:
        return str(ref_year)
    ends = [int(m["year"]) for m in _BARE_YEAR.finditer(text)
            if _END_OF.search(text[max(0, m.start() - 30): m.start()])]
    return str(max(ends)) if ends else None


def normalize_date(value: str | None) -> str | None:
    """An input date as ISO, as precise as given ("2022-09-07", "2022-09", "2022"), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = re.match(r"^((?:19|20)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$", value)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d and _date(int(y), int(mo), int(d)):
            return f"{y}-{int(mo):02d}-{int(d):02d}"
        if mo and 1 <= int(mo) <= 12:
            return f"{y}-{int(mo):02d}"
        return y
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return published_from_text(value)


# ---------------------------------------------------------------------------------------- infer

def _title_from_text(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip() if text else ""
    words = first.split()
    if 2 <= len(words) <= 25 and not first.endswith((".", ":", ",")):
        return first
    return None


def raw_text(raw: RawDocument) -> str:
    """The whole text of the input before cleaning (for HTML: every visible line of the page)."""
    if raw.text:
        return raw.text
    return html_to_text(raw.html) if raw.html else ""


_HOSTLIKE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)


def infer(raw: RawDocument, cleaned: Cleaned) -> Metadata:
    """Metadata of ``raw``: the input's own first, then the page's, then inferred (and marked)."""
    url = raw.url or cleaned.url
    text: str | None = None

    outlet, outlet_inferred = normalize_line(raw.outlet or "") or None, False
    if outlet and _HOSTLIKE.fullmatch(outlet):
        # an input that names its outlet by host ("world.kbs.co.kr") gets the readable name
        outlet = outlet_for_host(outlet.lower()) or outlet
    if outlet is None:
        host = host_of(url)
        outlet = outlet_for_host(host) if host else None
        if outlet is None and cleaned.sitename:
            outlet = cleaned.sitename
        if outlet is None:
            text = raw_text(raw)
            outlet = outlet_from_text(text) or host
        outlet_inferred = outlet is not None

    published, published_inferred = normalize_date(raw.date), False
    if published is None and cleaned.date:
        published = normalize_date(cleaned.date)
    if published is None:
        text = text if text is not None else raw_text(raw)
        published = published_from_text(text)
        published_inferred = published is not None

    title = normalize_line(raw.title or "") or cleaned.title or _title_from_text(cleaned.text)
    return Metadata(outlet=outlet, outlet_inferred=outlet_inferred, published=published,
                    published_inferred=published_inferred, title=title, url=url)
