"""Date expressions: find them, resolve them against the publication date (SPEC §5 rule 3).

Two entry points:

- :func:`parse_date` reads the first date expression in a string ("Sept. 5", "last week",
  "on the 6th (local time)", "2023.9.21", "in July this year") and resolves it;
- :func:`resolve_date` picks, among the date expressions of a sentence, the one that governs an
  event: the one attached to the trigger's clause, else the one attached to the sentence's main
  clause, else the nearest one.

Relative expressions are resolved against ``published`` (an ISO date, maybe only ``YYYY-MM``):
a weekday is the most recent such day on or before publication, "the 6th" is that day of the
publication month (of the previous month when it lies after publication), "last week" is the
Monday of the previous week with precision ``week``, a bare month name is its most recent
occurrence. The grammar is a small set of regular expressions over a month/weekday lexicon:
deterministic and much faster than a general parser.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tripwire.model import EventDate
from tripwire.nlp import text_of

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_FULL_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december"})
_ABBREVIATIONS = frozenset(MONTHS) - _FULL_MONTHS  # "Sept." keeps its full stop
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 2,
    "a few": 2, "couple of": 2, "a couple of": 2,
}

_MONTH = r"(?P<{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MON = _MONTH.format(n="mon")
_MON2 = _MONTH.format(n="mon2")
_WD = r"(?P<wd>" + "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len,
                                    reverse=True)) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_MOD = r"(?:(?P<mod>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?"


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text: character offsets, the resolved date, a rank."""

    start: int
    end: int
    date: EventDate
    vague: bool = False  # "recently", "in recent weeks": used only when nothing better is there


@dataclass(frozen=True, slots=True)
class _Pub:
    day: dt.date
    precision: str  # day | month | year


def _published(published: str | None) -> _Pub | None:
    if not published:
        return None
    s = published.strip()[:10]
    try:
        if len(s) >= 10:
            return _Pub(dt.date.fromisoformat(s), "day")
        if len(s) == 7:
            return _Pub(dt.date(int(s[:4]), int(s[5:7]), 1), "month")
        if len(s) == 4:
            return _Pub(dt.date(int(s), 1, 1), "year")
    except ValueError:
        return None
    return None


def _iso(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_shift(d: dt.date, months: int) -> dt.date:
    n = d.year * 12 + (d.month - 1) + months
    return dt.date(n // 12, n % 12 + 1, 1)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _coarser(precision: str, pub: _Pub) -> str:
    """Relative day/week expressions cannot be finer than the publication date is."""
    order = {"day": 3, "week": 2, "month": 1, "year": 0}
    return precision if order[precision] <= order[pub.precision] or pub.precision == "day" \
        else pub.precision


def _date(text: str, day: dt.date | None, precision: str, pub: _Pub | None = None,
          relative: bool = False) -> EventDate | None:
    if day is None:
        return None
    if relative and pub is not None and pub.precision != "day":
        # "Thursday", "last week" against a publication date known only to the month (year):
        # the best the words allow is that month (nothing, when only the year is known).
        if pub.precision == "year":
            return None
        if precision in {"day", "week"}:
            return EventDate(text=text, value=_iso(pub.day, "month"), precision="month")
    if precision == "week":
        return EventDate(text=text, value=_monday(day).isoformat(), precision="week")
    return EventDate(text=text, value=_iso(day, precision), precision=precision)


def _recent_month(month: int, pub: _Pub | None, year: int | None) -> dt.date | None:
    """The month ``month`` in ``year``, else its most recent occurrence on/before publication."""
    if year is not None:
        return dt.date(year, month, 1)
    if pub is None:
        return None
    if pub.precision == "year":
        return dt.date(pub.day.year, month, 1)
    y = pub.day.year if month <= pub.day.month else pub.day.year - 1
    return dt.date(y, month, 1)


def _recent_day(month: int, day: int, pub: _Pub | None, year: int | None) -> dt.date | None:
    if year is not None:
        return _safe(year, month, day)
    if pub is None:
        return None
    cand = _safe(pub.day.year, month, day)
    if pub.precision == "year":
        return cand
    # A date a few days after publication (an announced schedule) stays in the same year.
    slack = dt.timedelta(days=45 if pub.precision == "day" else 60)
    if cand is not None and cand <= pub.day + slack:
        return cand
    return _safe(pub.day.year - 1, month, day)


def _int(word: str) -> int:
    word = word.lower().strip()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _year_mod(text: str, pub: _Pub | None) -> int | None:
    t = text.lower()
    if pub is None:
        return None
    if "this year" in t or "of the year" in t:
        return pub.day.year
    if "last year" in t or "previous year" in t:
        return pub.day.year - 1
    if "next year" in t:
        return pub.day.year + 1
    return None


# --- the grammar: (pattern, resolver) in priority order -------------------------------------
Resolver = Callable[[re.Match[str], str, _Pub | None, str], "EventDate | None"]
_RULES: list[tuple[re.Pattern[str], Resolver, bool]] = []


def _rule(pattern: str, vague: bool = False) -> Callable[[Resolver], Resolver]:
    def deco(fn: Resolver) -> Resolver:
        _RULES.append((re.compile(r"(?<![\w.])" + pattern + r"(?![\w])", re.I), fn, vague))
        return fn
    return deco


@_rule(r"(?P<y>(?:19|20)\d\d)[.\-/](?P<m>[01]?\d)[.\-/](?P<d>[0-3]?\d)\.?")
def _numeric_ymd(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    return _date(text, _safe(int(m["y"]), int(m["m"]), int(m["d"])), "day")


@_rule(r"(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)\d\d)")
def _numeric_dmy(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if a > 12 else (b, a)
    return _date(text, _safe(int(m["y"]), month, day), "day")


@_rule(r"between\s+(?:" + _MON + r"\s+" + _DAY + r"|(?P<dayx>[0-3]?\d)(?:st|nd|rd|th)?\s+"
       r"(?:of\s+)?" + _MONTH.format(n="monx") + r")(?:,?\s*" + _YEAR + r")?\s+and\s+(?:"
       + _MON2 + r"\s+)?" + _DAY2 + r"(?:\s+" + _MONTH.format(n="mon3")
       + r")?(?:,?\s*(?P<year2>(?:19|20)\d\d))?")
def _between(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    mon = MONTHS[(m["mon"] or m["monx"]).lower()]
    year = int(m["year"] or m["year2"]) if (m["year"] or m["year2"]) else None
    first = _recent_day(mon, int(m["day"] or m["dayx"]), pub, year)
    return _date(text, first, "month")


@_rule(r"(?:(?:on|since|by|until|from|before|after)\s+)?" + _MON + r"\s+" + _DAY
       + r"(?:,?\s*" + _YEAR + r")?")
def _month_day(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if int(m["day"]) == 0 or int(m["day"]) > 31:
        return None
    year = int(m["year"]) if m["year"] else None
    return _date(text, _recent_day(MONTHS[m["mon"].lower()], int(m["day"]), pub, year), "day")


@_rule(r"(?:(?:on|since|by|until|from|before|after)\s+)?(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?"
       + _MON + r"(?:,?\s*" + _YEAR + r")?")
def _day_month(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if int(m["day"]) == 0 or int(m["day"]) > 31:
        return None
    year = int(m["year"]) if m["year"] else None
    return _date(text, _recent_day(MONTHS[m["mon"].lower()], int(m["day"]), pub, year), "day")


@_rule(r"(?:on\s+)?the\s+" + _DAY + r"\s+of\s+(?P<rel>last|this|the previous|next)\s+month")
def _day_of_rel_month(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    shift = {"last": -1, "the previous": -1, "this": 0, "next": 1}[m["rel"].lower()]
    first = _month_shift(pub.day, shift)
    return _date(text, _safe(first.year, first.month, int(m["day"])), "day")


@_rule(r"(?:(?:in|since|by|until|during|from|of|before|after)\s+)?" + _MOD + _MON
       + r",?\s+" + _YEAR)
def _month_year(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    return _date(text, dt.date(int(m["year"]), MONTHS[m["mon"].lower()], 1), "month")


@_rule(r"(?:(?:in|since|by|until|during|from|of|before|after|signed in)\s+)?" + _MOD + _MON
       + r"(?:\s+(?P<rel>this|last|next)\s+year)?")
def _month_alone(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    word = m["mon"]
    has_prep = text.lower().split()[0] in {"in", "since", "by", "until", "during", "from", "of",
                                            "before", "after", "signed"} or bool(m["mod"])
    if not (has_prep or m["rel"]) or not word[0].isupper():
        return None  # "may" the modal, "march" the verb
    if word.lower() in {"may", "march"} and not word[0].isupper():
        return None
    year = _year_mod(text, pub)
    return _date(text, _recent_month(MONTHS[word.lower()], pub, year), "month")


@_rule(r"(?:(?:on|since|by|until|from)\s+)?the\s+" + _DAY + r"(?:\s*\((?:local time|KST|EST|ET|"
       r"GMT|UTC)\))?")
def _nth(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    day = int(m["day"])
    if not m.group(0).lower().rstrip(")").endswith(("st", "nd", "rd", "th", "time", "kst", "est",
                                                    "et", "gmt", "utc")) or not 1 <= day <= 31:
        return None
    if pub is None:
        return None
    # A month named earlier in the same text governs "the 13th" ("in September ... the 13th").
    before = ctx[: max(0, ctx.find(m.group(0)))]
    named = re.findall(r"\b(" + "|".join(k for k in MONTHS if len(k) > 3) + r")\b", before, re.I)
    if named:
        month = MONTHS[named[-1].lower()]
        first = _recent_month(month, pub, None)
        assert first is not None
        return _date(text, _safe(first.year, month, day), "day")
    if pub.precision == "year":
        return None
    base = pub.day if day <= pub.day.day or pub.precision != "day" else _month_shift(pub.day, -1)
    return _date(text, _safe(base.year, base.month, day), "day")


@_rule(r"(?:(?P<rel>last|this past|this|next|past)\s+|on\s+|(?:late|early)\s+)?" + _WD
       + r"(?:'s|’s)?(?:\s+(?P<part>morning|afternoon|evening|night))?")
def _weekday(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    back = (pub.day.weekday() - wd) % 7
    if rel == "next":
        day = pub.day + dt.timedelta(days=(wd - pub.day.weekday()) % 7 or 7)
    elif rel in {"last", "past", "this past"} and back == 0:
        day = pub.day - dt.timedelta(days=7)
    else:
        day = pub.day - dt.timedelta(days=back)
    return _date(text, day, "day", pub, relative=True)


@_rule(r"(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|"
       r"(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening))")
def _deictic_day(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    t = text.lower()
    back = 2 if "before" in t else 1 if "yesterday" in t else 0
    return _date(text, pub.day - dt.timedelta(days=back), "day", pub, relative=True)


@_rule(r"(?:(?:over|in|during|for|throughout)\s+)?(?:the\s+)?(?:past|last|previous)\s+"
       r"(?:(?:few|several|two|three|four|five|six|\d+)\s+)?(?:years|months|weeks|days|year)",
       vague=True)
def _span_of_time(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    """A stretch of time up to publication ("over the past year"): a duration, not a date."""
    low = text.lower()
    if not low.startswith(("over", "in", "during", "for", "throughout")) and \
            not low.rstrip().endswith("s"):
        return None  # "last year" / "the past year" without a preposition: a point in time
    if pub is None:
        return None
    return _date(text, pub.day, "month" if "year" not in low else "year")


@_rule(r"(?:(?:earlier|later|late|early)\s+)?(?P<rel>last|this|next|the past|the previous)\s+"
       r"(?P<unit>week|month|year)(?:'s|’s)?")
def _rel_unit(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    shift = {"last": -1, "the past": -1, "the previous": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        return _date(text, pub.day + dt.timedelta(days=7 * shift), "week", pub, relative=True)
    if unit == "month":
        return _date(text, _month_shift(pub.day, shift), "month", pub, relative=True)
    return _date(text, dt.date(pub.day.year + shift, 1, 1), "year")


@_rule(_NUM + r"\s+(?P<unit>day|week|month|year)s?\s+ago")
def _ago(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    n, unit = _int(m["num"]), m["unit"].lower()
    if unit == "day":
        return _date(text, pub.day - dt.timedelta(days=n), "day", pub, relative=True)
    if unit == "week":
        return _date(text, pub.day - dt.timedelta(days=7 * n), "week", pub, relative=True)
    if unit == "month":
        return _date(text, _month_shift(pub.day, -n), "month", pub, relative=True)
    return _date(text, dt.date(pub.day.year - n, 1, 1), "year")


@_rule(r"(?:(?:in|since|by|until|during|from|of|before|after)\s+)?" + _MOD + _YEAR)
def _year(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if not (text.lower().split()[0] in {"in", "since", "by", "until", "during", "from", "of",
                                        "before", "after"} or m["mod"]):
        return None  # a bare number could be a quantity
    return _date(text, dt.date(int(m["year"]), 1, 1), "year")


_OFFSET_PATTERN = (r"(?P<n>an?|one|two|three|four|five|six|seven|\d+)\s+days?\s+"
                   r"(?P<dir>after|before|later|earlier)")
_OFFSET = re.compile(_OFFSET_PATTERN, re.I)


@_rule(_OFFSET_PATTERN)
def _days_offset(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    """"a day after …", "two days earlier": against publication here; :func:`find_dates`
    re-anchors it on another day-precise date of the same text when there is one."""
    if pub is None or pub.precision != "day":
        return None
    return _date(text, pub.day + dt.timedelta(days=_offset_days(text)), "day")


def _offset_days(text: str) -> int:
    words = text.lower().split()
    n = _int(words[0])
    return -n if words[-1] in {"after", "later"} else n  # the event lies before its anchor


@_rule(r"(?:in\s+)?(?:recent\s+(?:days|weeks)|recently|the\s+past\s+few\s+(?:days|weeks))",
       vague=True)
def _recent(m: re.Match[str], text: str, pub: _Pub | None, ctx: str) -> EventDate | None:
    if pub is None:
        return None
    return _date(text, pub.day, "month")


def find_dates(text: str, published: str | None) -> list[DateMatch]:
    """Every date expression in ``text``, resolved; overlapping matches keep the earlier rule.

    "A day after" / "two days earlier" is re-anchored on the nearest other day-precise date of
    the text ("said on Thursday, a day after …" → Wednesday). The same sentence is read for
    several events and for the document's lead date, so answers are memoised.
    """
    return list(_find_dates(text, published))


@functools.lru_cache(maxsize=4096)
def _find_dates(text: str, published: str | None) -> tuple[DateMatch, ...]:
    pub = _published(published)
    taken: list[tuple[int, int]] = []
    out: list[DateMatch] = []
    for pattern, resolve, vague in _RULES:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            phrase = text[s:e].strip()
            if phrase.endswith(".") and phrase[:-1].split()[-1].lower() not in _ABBREVIATIONS:
                e = s + len(text[s:e].rstrip()) - 1  # the full stop ends the sentence
                phrase = phrase[:-1]
            try:
                date = resolve(m, phrase, pub, text)
            except (ValueError, KeyError, OverflowError):
                date = None
            if date is None:
                continue
            taken.append((s, e))
            out.append(DateMatch(s, e, date, vague))
    out.sort(key=lambda d: d.start)
    return tuple(_reanchor(d, out) if _OFFSET.fullmatch(d.date.text) else d for d in out)


def _reanchor(d: DateMatch, found: list[DateMatch]) -> DateMatch:
    anchors = [a for a in found if a is not d and not a.vague and a.date.precision == "day"
               and a.date.value and not _OFFSET.fullmatch(a.date.text)]
    if not anchors:
        return d
    anchor = min(anchors, key=lambda a: abs(a.start - d.start))
    day = dt.date.fromisoformat(str(anchor.date.value)) \
        + dt.timedelta(days=_offset_days(d.date.text))
    return DateMatch(d.start, d.end, EventDate(d.date.text, day.isoformat(), "day"), d.vague)


def parse_date(text: str, published: str | None) -> EventDate | None:
    """The first (non-vague if any) date expression in ``text``, resolved against ``published``."""
    found = find_dates(text, published)
    exact = [d for d in found if not d.vague]
    return (exact or found)[0].date if found else None


# --- which date governs the event ----------------------------------------------------------
_CLAUSE_POS = frozenset({"VERB", "AUX"})


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` belongs to (``tok`` itself if it is a verb)."""
    cur = tok
    for _ in range(64):
        if cur.pos_ in _CLAUSE_POS and cur.dep_ != "aux" or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _reaches(tok: Token, target: Token) -> bool:
    """Whether ``target`` is reached from ``tok`` going up heads without crossing another verb."""
    cur = tok
    for _ in range(64):
        if cur == target:
            return True
        if cur.i != tok.i and cur.pos_ == "VERB":
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _after(date: EventDate, pub: _Pub | None) -> bool:
    """Whether ``date`` lies after publication (a schedule, not something that happened)."""
    if pub is None or not date.value:
        return False
    n = {"day": 10, "week": 10, "month": 7, "year": 4}[date.precision or "day"]
    n = min(n, {"day": 10, "month": 7, "year": 4}[pub.precision])
    value = str(date.value)
    if date.precision == "week":
        value = (dt.date.fromisoformat(value) + dt.timedelta(days=6)).isoformat()
    return value[:n] > pub.day.isoformat()[:n]


def _ranked(sentence: Span, published: str | None,
            trigger: Token | None) -> list[tuple[int, int, DateMatch]]:
    """The date expressions of ``sentence`` as ``(rank, distance, match)``, best first.

    Rank 0: in the trigger's clause (or on the trigger noun); 1: on the sentence's main clause
    (the date of a disclosure); 2: in some other clause or on another event noun ("after the
    summit held last month"); 3: vague ("recently") or after publication ("next week").
    """
    found = find_dates(sentence.text, published)
    if not found:
        return []
    pub = _published(published)
    root = sentence.root
    trig_clause = _clause_head(trigger) if trigger is not None else root
    scored = []
    for d in found:
        span = sentence.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        if span is None or len(span) == 0:
            continue
        head = span.root
        if d.vague or _after(d.date, pub) or _other_event(head, trigger) \
                or _described(head, trigger):
            rank = 3
        elif trigger is not None and (_reaches(head, trigger) or _clause_head(head) == trig_clause):
            rank = 0
        elif _clause_head(head) == root or trigger is not None and \
                _governs(_clause_head(head), trigger):
            rank = 1
        else:
            rank = 2
        dist = abs(head.i - trigger.i) if trigger is not None else head.i - sentence.start
        if rank == 1:  # the nearest governing clause's date first ("said …, a day after X
            dist = -_depth(_clause_head(head))  # condemned what they called arms supplies")
        scored.append((rank, dist, d))
    scored.sort(key=lambda x: (x[0], x[1]))
    return scored


def _described(head: Token, trigger: Token | None) -> bool:
    """A date inside a relative clause that describes some noun and does not hold the trigger
    ("… its war against Ukraine, which it invaded in February 2022"): another act's date."""
    if trigger is None:
        return False
    clause = _clause_head(head)
    return clause.dep_ == "relcl" and not (clause.left_edge.i <= trigger.i <= clause.right_edge.i)


def _governs(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` lies in the clause of ``verb`` (``verb`` is one of its ancestors)."""
    return any(a.i == verb.i for a in tok.ancestors)


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


_TEMPORAL_PREPS = frozenset({"after", "following", "before", "since", "ahead", "amid", "prior",
                             "during"})


def _other_event(head: Token, trigger: Token | None) -> bool:
    """A date inside "after/following/ahead of <another event>" that the trigger is not in
    ("… began supplying weapons after the summit held last month")."""
    if trigger is None:
        return False
    cur = head
    for _ in range(64):
        if cur.lower_ in _TEMPORAL_PREPS and cur.dep_ in {"prep", "mark", "advmod"} \
                and cur.i != head.i:  # "… a few months prior to the invasion on 24 February"
            return not (cur.left_edge.i <= trigger.i <= cur.right_edge.i)
        if cur.head.i == cur.i or cur.i == trigger.i:
            return False
        cur = cur.head
    return False


_LEAD_SENTENCES = 8
_WORD = re.compile(r"[A-Za-z]{2,}")


def lead_date(doc: Doc, published: str | None) -> EventDate | None:
    """The news peg of a document: the first precise date of its opening sentences (the dateline
    or "X said on Thursday"), not after publication. Memoised in ``doc.user_data``."""
    memo = doc.user_data.setdefault("tripwire_lead_date", {})
    if published in memo:
        return memo[published]  # type: ignore[no-any-return]
    pub = _published(published)
    candidates: list[tuple[bool, EventDate]] = []  # (a claim is reported there, date)
    for k, sent in enumerate(doc.sents):
        if k >= _LEAD_SENTENCES:
            break
        text = sent.text
        for d in find_dates(text, published):
            if len(_WORD.findall(text[: d.start] + text[d.end :])) < 6:
                continue  # a dateline or byline: the page's date, not a claim's
            span = sent.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and len(span) and _other_event(span.root, sent.root):
                continue  # the date of what the news came after or before ("prior to the war")
            if not d.vague and not _after(d.date, pub) and d.date.precision in {"day", "week"}:
                candidates.append((bool(_SPEECH_CUE.search(text)), d.date))
                break
    # a sentence that reports a claim ("X said on Friday") before a caption or scene-setter
    found = next((d for said, d in candidates if said), candidates[0][1] if candidates else None)
    memo[published] = found
    return found


_SPEECH_CUE = re.compile(r"\b(?:said|says|told|cit(?:ed|ing)|quot(?:ed|ing)|reported|reports|"
                         r"announced|confirmed|disclosed|revealed|stated|according to|rejected|"
                         r"denied|accused|released|unveiled|acknowledged|admitted|claimed)\b",
                         re.I)


def reference_year(doc: Doc) -> str | None:
    """For a document whose publication date is unknown: the latest year among its dates written
    with month and year ("in February 2024"), so that "on March 27" gets a year. Relative
    expressions ("Tuesday", "last week") stay unresolved against a year."""
    memo = doc.user_data.get("tripwire_reference_year", False)
    if memo is not False:
        return memo  # type: ignore[no-any-return]
    years = [str(d.date.value)[:4] for d in find_dates(text_of(doc), None)
             if d.date.value and d.date.precision in {"day", "month"}]
    found = max(years) if years else None
    doc.user_data["tripwire_reference_year"] = found
    return found


def resolve_date(sentence: Span, published: str | None,
                 trigger: Token | None = None) -> EventDate | None:
    """The date that governs the event at ``trigger`` (SPEC §5 rule 3).

    A date in the trigger's clause (or the same act's in a neighbouring sentence), else one on
    the sentence's main clause (the disclosure the sentence ties the claim to), else one of
    another clause of the sentence; failing these, the document's news peg (:func:`lead_date`,
    the disclosure the article reports), then the publication date, and only then a vague one.
    """
    return dated(sentence, published, trigger)[0]


def dated(sentence: Span, published: str | None,
          trigger: Token | None = None) -> tuple[EventDate | None, bool]:
    """:func:`resolve_date`, and whether the date is the act's own (its clause's, or the same
    act's in a neighbouring sentence) rather than a disclosure's or the publication's: where
    mentions of one event disagree, the act's date is the one SPEC §5 rule 3 keeps."""
    reference = published or reference_year(sentence.doc)
    ranked = _ranked(sentence, reference, trigger)
    if ranked and ranked[0][0] == 0:
        return ranked[0][2].date, True
    if not ranked or ranked[0][0] >= 2:  # neither the act's nor the disclosure's date here
        act = _act_date_nearby(sentence, reference, trigger)
        if act is not None:  # the act's own date, stated in a neighbouring sentence (rule 3)
            return act, True
    if ranked and ranked[0][0] <= 2:
        return ranked[0][2].date, False
    if not ranked:
        carried = _carried_disclosure(sentence, reference)
        if carried is not None:
            return carried, False
    lead = lead_date(sentence.doc, reference)
    if lead is not None:
        return lead, False
    return publication_date(published) or (ranked[0][2].date if ranked else None), False


# acts of moving goods: one act is often told with several of these verbs ("delivered" in the
# lead, "were loaded … and shipped between X and Y" further on)
_TRANSFER_FAMILY = frozenset({"deliver", "delivery", "ship", "shipment", "send", "supply",
                              "provide", "transfer", "load", "transport", "export", "move",
                              "hand", "give", "arrive", "arrival"})
_NEAR_BEFORE, _NEAR_AFTER = 2, 3


# a summit told as "the summit" here and "X travelled to Y last week" there; an agreement's act
# is its signing ("the treaty, signed in June"), not its approval or ratification
# (trigger lemmas, the lemmas of a neighbouring sentence that tell the same act)
_FAMILIES = (
    (_TRANSFER_FAMILY, _TRANSFER_FAMILY),
    (frozenset({"meet", "summit", "talks", "visit"}),
     frozenset({"meet", "summit", "visit", "travel", "trip"})),
    (frozenset({"sign", "signing", "treaty", "pact", "agreement", "accord", "ratify"}),
     frozenset({"sign", "signing"})),
)


def _family(trigger: Token) -> frozenset[str]:
    lemma = trigger.lemma_.lower()
    return next((acts for triggers, acts in _FAMILIES if lemma in triggers), frozenset({lemma}))


_SPEECH_LEMMAS = frozenset({"say", "add", "tell", "state", "note", "stress", "continue",
                            "explain", "warn", "insist", "reiterate", "emphasize", "emphasise"})
_CARRY_BACK = 3


def _carried_disclosure(sentence: Span, published: str | None) -> EventDate | None:
    """A sentence without a date of its own that goes on reporting what a speaker said ("He
    added: …") is tied to the disclosure of the speech it continues: the date of the nearest
    preceding "X said on Friday …", through a run of such undated speech sentences."""
    root = sentence.root
    if root.lemma_.lower() not in _SPEECH_LEMMAS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if root.lemma_.lower() not in {"add", "continue"} and \
            (subject is None or subject.lower_ not in {"he", "she", "they"}):
        return None  # a new speaker, not the continuation of a speech
    sents = _sent_list(sentence.doc)
    index = next((k for k, x in enumerate(sents) if x.start == sentence.start), None)
    if index is None:
        return None
    pub = _published(published)
    for k in range(index - 1, max(-1, index - 1 - _CARRY_BACK), -1):
        other = sents[k]
        dated = [d for rank, _, d in _ranked(other, published, None)
                 if rank == 1 and not d.vague and not _after(d.date, pub)]
        if dated and other.root.lemma_.lower() in _SPEECH_LEMMAS:
            return dated[0].date
        if dated or other.root.lemma_.lower() not in _SPEECH_LEMMAS:
            return None
    return None


def _sent_list(doc: Doc) -> list[Span]:
    sents = doc.user_data.get("tripwire_sent_list")
    if sents is None:
        sents = list(doc.sents)
        doc.user_data["tripwire_sent_list"] = sents
    return sents  # type: ignore[no-any-return]


def _act_date_nearby(sentence: Span, published: str | None,
                     trigger: Token | None) -> EventDate | None:
    """When the trigger's own clause carries no date: the date a neighbouring sentence of the
    same paragraph gives to the same act (a verb or noun of the trigger's family with a date in
    its own clause: "Last month, X delivered …", "The containers were shipped between …")."""
    if trigger is None:
        return None
    doc = sentence.doc
    sents = _sent_list(doc)
    index = next((k for k, x in enumerate(sents) if x.start == sentence.start), None)
    if index is None:
        return None
    family = _family(trigger)
    pub = _published(published)
    order = sorted(range(max(0, index - _NEAR_BEFORE), min(len(sents), index + _NEAR_AFTER + 1)),
                   key=lambda k: (abs(k - index), k < index))
    text = text_of(doc)
    for k in order:
        if k == index:
            continue
        other = sents[k]
        lo, hi = sorted((other.start_char, sentence.start_char))
        if text.count("\n\n", lo, hi) > 1 + (k > index):
            continue  # past the next paragraph break (wire copy sets each sentence apart)
        for tok in other:
            if tok.lemma_.lower() not in family or tok.pos_ not in {"VERB", "NOUN"}:
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            for rank, _, d in _ranked(other, published, tok):
                if rank == 0 and not d.vague and not _after(d.date, pub) \
                        and d.date.precision in {"day", "week", "month"}:
                    return d.date
    return None


def publication_date(published: str | None) -> EventDate | None:
    """The article itself as the disclosure: its publication date, as precise as it is known."""
    pub = _published(published)
    if pub is None:
        return None
    return EventDate(text=PUBLICATION_TEXT, value=_iso(pub.day, pub.precision),
                     precision=pub.precision)


PUBLICATION_TEXT = "(date of publication)"


def is_own(date: EventDate | None, sentence_text: str) -> bool:
    """Whether ``date`` was read from ``sentence_text`` itself rather than borrowed from the
    document (its news peg or publication date): what a merge should prefer among mentions."""
    return date is not None and bool(date.value) and date.text != PUBLICATION_TEXT \
        and date.text in sentence_text
