"""The report as Markdown: stories with their clusters in order, then the ledger."""

from __future__ import annotations

from tripwire.report.view import LEDGER_COLUMNS, View, anchor_id, event_row


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_md(view: View) -> str:
    lines = ["# tripwire report", ""]
    if view.filter:
        lines += [f"Stories involving: {view.filter}", ""]
    lines += ["## Stories", ""]
    if not view.stories:
        lines += ["No stories.", ""]
    for sv in view.stories:
        s = sv.story
        lines += [f"### {s.title}", "", f"{s.start or '?'} – {s.end or '?'}, "
                  f"{len(sv.clusters)} clusters", ""]
        lines += ["| first report | cluster | stage | quantity | sources |",
                  "|---|---|---|---|---|"]
        for cv in sv.clusters:
            c = cv.cluster
            lines.append(f"| {c.first_reported.get('date') or '?'} | {_cell(cv.title)} | "
                         f"{c.stage} | {_cell(cv.quantity or '')} | {c.independent_sources} |")
        lines.append("")
        for cv in sv.clusters:
            c = cv.cluster
            first = c.first_reported
            lines += [f"#### {cv.title} ({first.get('date') or 'undated'})", "",
                      f"- cluster: `{c.id}`",
                      f"- stage: {c.stage}",
                      f"- quantity: {cv.quantity or '—'}",
                      f"- first report: {first.get('date') or '?'} in "
                      f"[{first.get('doc')}](#{anchor_id(str(first.get('doc')))})",
                      f"- independent sources: {c.independent_sources} "
                      f"({'; '.join(c.origins) or '—'})",
                      "- documents: " + ", ".join(f"[{d}](#{anchor_id(d)})" for d in c.documents)]
            if cv.conflicts:
                lines.append("- conflicts:")
                lines += [f"  - {_cell(x)}" for x in cv.conflicts]
            if cv.evidence:
                lines.append("- evidence:")
                lines += [f"  - “{_cell(t)}” — [{d}](#{anchor_id(d)})" for d, t in cv.evidence]
            lines.append("")
    lines += ["## Ledger", ""]
    for d in view.documents:
        head = f"### {d.id}"
        lines += [f'<a id="{anchor_id(d.id)}"></a>', "", head, ""]
        meta = [d.outlet or "unknown outlet", d.published or "undated"]
        if d.title:
            meta.insert(0, d.title)
        lines.append(" · ".join(_cell(m) for m in meta) + (f" · <{d.url}>" if d.url else ""))
        if d.syndication_group:
            lines.append(f"syndication group `{d.syndication_group}`")
        lines.append("")
        evs = view.events_by_doc.get(d.id, [])
        if not evs:
            lines += ["No events.", ""]
            continue
        lines += ["| " + " | ".join(LEDGER_COLUMNS) + " |",
                  "|" + "---|" * len(LEDGER_COLUMNS)]
        for e in sorted(evs, key=lambda e: (e.type, e.id)):
            row = event_row(e)
            lines.append("| " + " | ".join(_cell(row[c]) for c in LEDGER_COLUMNS) + " |")
        lines.append("")
    return "\n".join(lines)
