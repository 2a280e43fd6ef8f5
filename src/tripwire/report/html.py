"""The report as one self-contained HTML page: inline CSS, inline JS, inline SVG, no network.

Per story: a timeline (drawn by ``report.js`` as SVG from JSON embedded in the page) and its
clusters in order, each with stage, quantity, sources, first report, conflicts and evidence
sentences linked to their documents' ledger sections. Then the per-document ledger.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from string import Template

from tripwire.model import coarse_stage
from tripwire.report.view import LEDGER_COLUMNS, ClusterView, StoryView, View, anchor_id, event_row


def _asset(name: str) -> str:
    return resources.files("tripwire.report").joinpath(name).read_text("utf-8")


def _json_script(element_id: str, data: object) -> str:
    # "</" cannot end the script element early once escaped.
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{escape(element_id)}">{text}</script>'


def _doc_link(doc: str) -> str:
    return f'<a href="#{anchor_id(doc)}">{escape(doc)}</a>'


def _cluster(cv: ClusterView) -> str:
    c = cv.cluster
    coarse = coarse_stage(c.stage)
    first = c.first_reported
    first_doc = str(first.get("doc") or "")
    origins = "; ".join(escape(o) for o in c.origins) or "—"
    parts = [
        f'<article class="cluster" id="cluster-{escape(c.id)}">',
        f"<h3>{escape(cv.title)}</h3>",
        '<dl class="facts">',
        f'<dt>stage</dt><dd><span class="stage {coarse}">{escape(c.stage)}</span></dd>',
        f"<dt>quantity</dt><dd>{escape(cv.quantity or '—')}</dd>",
        f"<dt>first report</dt><dd>{escape(str(first.get('date') or 'undated'))} in "
        f"{_doc_link(first_doc) if first_doc else '—'}</dd>",
        f"<dt>independent sources</dt><dd>{c.independent_sources} ({origins})</dd>",
        "<dt>documents</dt><dd>" + ", ".join(_doc_link(d) for d in c.documents) + "</dd>",
        f'<dt>cluster id</dt><dd><code>{escape(c.id)}</code></dd>',
        "</dl>",
    ]
    if cv.conflicts:
        parts.append('<ul class="conflicts">'
                     + "".join(f"<li>{escape(x)}</li>" for x in cv.conflicts) + "</ul>")
    for doc, text in cv.evidence:
        parts.append(f"<blockquote>{escape(text)} {_doc_link(doc)}</blockquote>")
    parts.append("</article>")
    return "\n".join(parts)


def _story(i: int, sv: StoryView) -> str:
    s = sv.story
    key = f"s{i}"
    data = {"id": s.id, "title": s.title, "clusters": [
        {"id": cv.cluster.id, "title": cv.title, "type": cv.cluster.type,
         "date": cv.cluster.first_reported.get("date"), "stage": cv.cluster.stage,
         "coarse": coarse_stage(cv.cluster.stage), "sources": cv.cluster.independent_sources,
         "polarity": "negative" if any(x.get("kind") == "negates"
                                       for x in cv.cluster.conflicts) else "positive"}
        for cv in sv.clusters]}
    return "\n".join([
        f'<section class="story" id="story-{escape(s.id)}">',
        f"<h2>{escape(s.title)}</h2>",
        f'<p class="meta">{escape(s.start or "?")} – {escape(s.end or "?")} · '
        f"{len(sv.clusters)} clusters · actors {escape(', '.join(s.actors))}</p>",
        f'<svg class="timeline" data-story="{key}" role="img" '
        f'aria-label="timeline of {escape(s.title)}" viewBox="0 0 1000 60"></svg>',
        '<p class="legend"><span><i style="background:var(--planned)"></i>planned</span>'
        '<span><i style="background:var(--done)"></i>done</span>'
        '<span><i style="background:var(--negative)"></i>reported as not happening</span>'
        "<span>dot size: independent sources</span></p>",
        _json_script(f"data-{key}", data),
        *(_cluster(cv) for cv in sv.clusters),
        "</section>",
    ])


def _ledger(view: View) -> str:
    parts = ['<section class="ledger" id="ledger"><h2>Ledger</h2>']
    for d in view.documents:
        meta = " · ".join(escape(x) for x in (d.outlet or "unknown outlet",
                                             d.published or "undated"))
        url = (f' · <a href="{escape(d.url)}" rel="noreferrer">{escape(d.url)}</a>'
               if d.url else "")
        title = f"<div>{escape(d.title)}</div>" if d.title else ""
        syn = (f'<div class="meta">syndication group <code>{escape(d.syndication_group)}</code>'
               "</div>" if d.syndication_group else "")
        parts.append(f'<div class="doc" id="{anchor_id(d.id)}"><h3>{escape(d.id)}</h3>{title}'
                     f'<div class="meta">{meta}{url}</div>{syn}')
        evs = sorted(view.events_by_doc.get(d.id, []), key=lambda e: (e.type, e.id))
        if evs:
            parts.append("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in LEDGER_COLUMNS)
                         + "</tr></thead><tbody>")
            for e in evs:
                row = event_row(e)
                parts.append("<tr>" + "".join(f"<td>{escape(row[c])}</td>"
                                              for c in LEDGER_COLUMNS) + "</tr>")
            parts.append("</tbody></table>")
        else:
            parts.append('<p class="meta">No events.</p>')
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html(view: View) -> str:
    toc = "".join(f'<a href="#story-{escape(sv.story.id)}">{escape(sv.story.title)}</a>'
                  for sv in view.stories)
    body = "\n".join([
        f'<nav class="toc"><strong>Stories</strong> {toc or "none"} '
        f'<a href="#ledger">Ledger</a></nav>',
        *(_story(i, sv) for i, sv in enumerate(view.stories)),
        _ledger(view),
    ])
    n_clusters = sum(len(sv.clusters) for sv in view.stories)
    subtitle = (f"{len(view.stories)} stories · {n_clusters} clusters · "
                f"{len(view.documents)} documents"
                + (f" · stories involving {view.filter}" if view.filter else ""))
    return Template(_asset("page.html")).substitute(
        title="tripwire report", subtitle=escape(subtitle), css=_asset("report.css"),
        js=_asset("report.js").replace("</", "<\\/"), body=body)
