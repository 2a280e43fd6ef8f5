"""The analyst's report: stories, clusters and the per-document ledger as Markdown or HTML.

``render(fmt, documents, events, clusters, stories, story_filter=None)``; ``fmt`` is ``"md"``
or ``"html"``. ``story_filter`` (``"PRK RUS"``) keeps the stories whose actors include every
named state, and the documents of their clusters. Clusters and stories may be records or the
dicts the store keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tripwire.errors import UsageError
from tripwire.model import Cluster, Document, Event
from tripwire.report.html import render_html
from tripwire.report.markdown import render_md
from tripwire.report.view import build_view
from tripwire.stories.stories import Story

__all__ = ["FORMATS", "render"]
FORMATS = ("md", "html")


def render(fmt: str, documents: Iterable[Document], events: Iterable[Event],
           clusters: Iterable[Cluster | Mapping[str, Any]],
           stories: Iterable[Story | Mapping[str, Any]],
           story_filter: str | None = None) -> str:
    """The report in ``fmt`` ("md" or "html")."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    view = build_view(documents, events, clusters, stories, story_filter)
    return render_md(view) if fmt == "md" else render_html(view)
