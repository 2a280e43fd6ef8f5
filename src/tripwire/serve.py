"""``tripwire serve``: the report page and a read-only JSON API over the store.

    GET /                         the HTML report (``?story=PRK+RUS`` narrows it)
    GET /api/status               record counts
    GET /api/documents            documents (without their text)
    GET /api/documents/{id}       one document with its text, events and quotes
    GET /api/events               events; filters ``?doc=``, ``?type=``, ``?cluster=``
    GET /api/clusters             cluster records
    GET /api/export               every SPEC §2 record as JSON lines

Errors are mapped to HTTP statuses in one place, :meth:`Handler.fail`, from the
``status`` of the ``TripwireError`` class raised.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tripwire.errors import NotFound, TripwireError
from tripwire.store import Store

Query = dict[str, str]
Route = Callable[[Store, Query], tuple[str, Any]]


def _first(query: dict[str, list[str]]) -> Query:
    return {k: v[0] for k, v in query.items() if v}


def page(store: Store, q: Query) -> tuple[str, Any]:
    from tripwire.report import render

    html = render("html", store.documents(), store.events(), store.clusters(), store.stories(),
                  story_filter=q.get("story"))
    return "text/html; charset=utf-8", html


def status(store: Store, _q: Query) -> tuple[str, Any]:
    return "application/json", store.counts()


def documents(store: Store, _q: Query) -> tuple[str, Any]:
    out = []
    for doc in store.documents():
        d = doc.to_dict()
        d.pop("text")
        d.pop("content_hash", None)
        out.append(d)
    return "application/json", out


def document(store: Store, q: Query) -> tuple[str, Any]:
    found = store.documents([q["id"]])
    if not found:
        raise NotFound(f"no document {q['id']!r}")
    body = found[0].to_dict()
    body.pop("content_hash", None)
    body["events"] = [e.to_dict() for e in store.events(q["id"])]
    body["quotes"] = [x.to_dict() for x in store.quotes() if x.doc == q["id"]]
    return "application/json", body


def events(store: Store, q: Query) -> tuple[str, Any]:
    found = store.events(q.get("doc"))
    for field in ("type", "cluster"):
        if field in q:
            found = [e for e in found if getattr(e, field) == q[field]]
    return "application/json", [e.to_dict() for e in found]


def clusters(store: Store, _q: Query) -> tuple[str, Any]:
    return "application/json", [c.to_dict() for c in store.clusters()]


def export(store: Store, _q: Query) -> tuple[str, Any]:
    from tripwire.export import jsonl

    return "application/x-ndjson", "".join(line + "\n" for line in jsonl(store))


ROUTES: dict[str, Route] = {
    "/": page,
    "/api/status": status,
    "/api/documents": documents,
    "/api/events": events,
    "/api/clusters": clusters,
    "/api/export": export,
}


def resolve(path: str) -> tuple[Route, Query]:
    """The handler for ``path`` and the parameters the path itself carries."""
    if path in ROUTES:
        return ROUTES[path], {}
    prefix = "/api/documents/"
    if path.startswith(prefix) and len(path) > len(prefix):
        return document, {"id": unquote(path[len(prefix):])}
    raise NotFound(f"no such page: {path}")


class Handler(BaseHTTPRequestHandler):
    store: Store  # set by make_server

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        url = urlsplit(self.path)
        try:
            route, params = resolve(url.path)
            kind, body = route(self.store, {**_first(parse_qs(url.query)), **params})
        except TripwireError as exc:
            self.fail(exc)
            return
        except Exception as exc:  # the server's one error boundary
            self.fail(TripwireError(f"internal error: {exc.__class__.__name__}"))
            return
        self.send(HTTPStatus.OK, kind, body)

    def fail(self, exc: TripwireError) -> None:
        """The one place where errors become HTTP statuses."""
        self.send(HTTPStatus(exc.status), "application/json", {"error": exc.detail})

    def send(self, code: HTTPStatus, kind: str, body: Any) -> None:
        data = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        raw = data.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, fmt: str, *args: Any) -> None:
        sys.stderr.write(f"{self.address_string()} {fmt % args}\n")


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"store": store})
    return ThreadingHTTPServer((host, port), handler)
