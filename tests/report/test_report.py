"""The report in Markdown and HTML: content, story filter, self-containment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from demo import demo

from tripwire.errors import UsageError
from tripwire.report import render
from tripwire.stories.clusters import assign_clusters, build_clusters
from tripwire.stories.gold import GoldSet, load_gold
from tripwire.stories.stories import assign_stories, build_stories
from tripwire.stories.syndication import assign_groups


def test_markdown_lists_stories_clusters_and_ledger() -> None:
    docs, events, clusters, stories = demo()
    md = render("md", docs, events, clusters, stories)
    assert "## Stories" in md and "## Ledger" in md
    assert "### PRK – RUS: military cooperation" in md
    assert "more than 1,000 containers" in md
    assert "denied by RUS" in md  # the denial is linked to the deliveries it denies
    assert "[n3](#doc-n3)" in md and '<a id="doc-n3"></a>' in md
    # Clusters in time order within the story.
    table = md.split("| first report |", 1)[1].split("\n\n", 1)[0]
    dates = re.findall(r"^\| (\d{4}-\d\d-\d\d) \|", table, re.M)
    assert dates == sorted(dates) and len(dates) >= 4


def test_story_filter_narrows_the_report() -> None:
    docs, events, clusters, stories = demo()
    stored = [s.to_dict() for s in stories]  # the store hands stories back as dicts
    md = render("md", docs, events, [c.to_dict() for c in clusters], stored,
                story_filter="PRK RUS")
    assert "PRK – RUS" in md
    assert "USA" not in re.findall(r"^### (.*)$", md, re.M)
    none = render("md", docs, events, clusters, stories, story_filter="IRN UKR")
    assert "No stories." in none and "### n1" not in none


def test_html_is_self_contained() -> None:
    docs, events, clusters, stories = demo()
    html = render("html", docs, events, clusters, stories)
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html and "url(http" not in html
    assert 'class="timeline"' in html and 'id="doc-n1"' in html


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        render("pdf", [], [], [], [])


def test_gold_report_renders(shared_dir: Path) -> None:
    gold: GoldSet = load_gold(shared_dir)
    groups = assign_groups(list(gold.documents.values()))
    docs = {i: d.replace(syndication_group=groups.get(i)) for i, d in gold.documents.items()}
    got = assign_clusters(gold.events, docs)
    events = [e.replace(cluster=got[e.id]) for e in gold.events]
    clusters = build_clusters(events, docs)
    stories = build_stories(clusters, events)
    clusters = assign_stories(clusters, stories)
    md = render("md", docs.values(), events, clusters, stories, story_filter="PRK RUS")
    assert md.count("### ") > 10
    html = render("html", docs.values(), events, clusters, stories)
    assert html.count('<article class="cluster"') == len(clusters)
