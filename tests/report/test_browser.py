"""The HTML report in a real headless Chromium: it renders, draws its timelines, and asks the
network for nothing. ``python tests/report/test_browser.py docs/report.png`` writes the
screenshot kept in the docs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from demo import demo  # noqa: E402

from tripwire.report import render  # noqa: E402

CHROMIUM = os.environ.get("TRIPWIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"Chromium not installed at {CHROMIUM}"),
]


def open_report(html_path: Path, screenshot: Path | None = None) -> dict[str, object]:
    """Load the page from disk; return what was drawn and every request beyond the page."""
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith("file://") else route.abort())
            page.goto(html_path.as_uri())
            page.wait_for_selector("svg.timeline circle", timeout=10_000)
            result = {
                "circles": page.locator("svg.timeline circle").count(),
                "timelines": page.locator("svg.timeline").count(),
                "drawn": page.eval_on_selector_all(
                    "svg.timeline", "els => els.map(e => e.getAttribute('data-drawn'))"),
                "clusters": page.locator("article.cluster").count(),
                "title": page.title(),
            }
            if screenshot is not None:
                page.screenshot(path=str(screenshot), full_page=False)
            page.locator("svg.timeline circle").first.click()
        finally:
            browser.close()
    result["external"] = [u for u in requests if not u.startswith("file://")]
    result["errors"] = errors
    return result


def test_report_renders_offline_with_timelines(tmp_path: Path) -> None:
    docs, events, clusters, stories = demo()
    path = tmp_path / "report.html"
    path.write_text(render("html", docs, events, clusters, stories), encoding="utf-8")
    got = open_report(path, tmp_path / "shot.png")
    assert got["title"] == "tripwire report"
    assert got["external"] == [] and got["errors"] == []
    assert got["timelines"] == len(stories)
    assert got["circles"] == sum(int(x or 0) for x in got["drawn"]) >= len(clusters) - 1
    assert got["clusters"] == len(clusters)
    assert (tmp_path / "shot.png").stat().st_size > 10_000


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/report.png")
    docs, events, clusters, stories = demo()
    html = Path(out.with_suffix(".html").name)
    tmp = Path("/tmp") / html
    tmp.write_text(render("html", docs, events, clusters, stories), encoding="utf-8")
    print(open_report(tmp, out))
