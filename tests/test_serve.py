"""`tripwire serve` over a real HTTP connection on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tripwire.model import Analysis, Document, Event
from tripwire.serve import make_server
from tripwire.store import open_store


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    store = open_store(str(tmp_path / "t.db"))
    doc = Document(
        id="doc/1",
        text="Moscow bought shells.",
        outlet="Wire",
        published="2023-10-05",
        content_hash="h",
    )
    ev = Event(
        id="ev-1",
        doc="doc/1",
        type="arms_transfer",
        stage="delivered",
        actors={"supplier": ("PRK",), "recipient": ("RUS",)},
    )
    store.save(Analysis(doc, events=(ev,)))
    server = make_server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    store.close()


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def test_status_and_events(base_url: str) -> None:
    code, kind, body = get(base_url + "/api/status")
    assert code == 200 and kind == "application/json"
    assert json.loads(body)["events"] == 1
    code, _, body = get(base_url + "/api/events?type=arms_transfer")
    assert [e["id"] for e in json.loads(body)] == ["ev-1"]
    code, _, body = get(base_url + "/api/events?type=meeting")
    assert json.loads(body) == []


def test_document_by_id_with_its_events(base_url: str) -> None:
    code, _, body = get(base_url + "/api/documents/doc%2F1")
    doc = json.loads(body)
    assert code == 200 and doc["text"] == "Moscow bought shells."
    assert [e["type"] for e in doc["events"]] == ["arms_transfer"]


def test_errors_map_to_http_statuses(base_url: str) -> None:
    code, kind, body = get(base_url + "/api/documents/missing")
    assert code == 404 and kind == "application/json"
    assert json.loads(body) == {"error": "no document 'missing'"}
    code, _, _ = get(base_url + "/nowhere")
    assert code == 404


def test_report_page(base_url: str) -> None:
    code, kind, body = get(base_url + "/")
    assert code == 200 and kind.startswith("text/html")
    assert b"<svg" in body or b"timeline" in body
    code, kind, body = get(base_url + "/api/export")
    assert {json.loads(line)["kind"] for line in body.decode().splitlines()} >= {
        "document",
        "event",
    }
