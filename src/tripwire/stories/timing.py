"""Dates as intervals: the span of days a report's date can mean, and the gap between two.

``"2023-09"`` (month) is 1–30 September; ``"2024-10-21"`` with precision ``week`` is that day
and the six after; a bare year is the whole year. These let reports of different precision be
compared without pretending to know more than the text says.
"""

from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]


def parse(value: str | None, precision: str | None = None) -> Interval | None:
    """The days ``value`` (ISO date, ``YYYY-MM`` or ``YYYY``) can mean at ``precision``."""
    if not value:
        return None
    v = str(value).strip()
    try:
        if len(v) == 4:
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
        if len(v) == 7:
            day = dt.date.fromisoformat(v + "-01")
            return _month(day)
        day = dt.date.fromisoformat(v[:10])
    except ValueError:
        return None
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        return _month(day)
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    return day, day


def _month(day: dt.date) -> Interval:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def is_point(iv: Interval) -> bool:
    """Day or week precision: close enough to a point in time to compare by days."""
    return (iv[1] - iv[0]).days <= 7


def gap(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def iso(iv: Interval | None) -> str | None:
    return iv[0].isoformat() if iv else None
