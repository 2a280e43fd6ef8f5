"""URLs the user names: a web page, or an RSS/Atom feed whose entries are fetched as pages.

The network sits behind one injectable callable, :data:`Fetcher` (``url, max_bytes ->
FetchResponse``); :func:`urllib_fetch` is the default and tests pass a fake or point it at a
local server. A page's id is its canonical URL (``<link rel=canonical>``, else the final URL
after redirects), normalised: lower-case host, no fragment, no tracking parameters.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tripwire.errors import InputError
from tripwire.read.decode import DecodeError, decode_bytes
from tripwire.read.raw import RawDocument

USER_AGENT = "tripwire/0.1 (OSINT research; +https://github.com/)"
TIMEOUT_SECONDS = 20
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json")


@dataclass(frozen=True, slots=True)
class FetchResponse:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes


Fetcher = Callable[[str, int], FetchResponse]


class FetchError(Exception):
    """The fetch failed before any HTTP response; ``str(err)`` is the reason."""


def urllib_fetch(url: str, max_bytes: int) -> FetchResponse:
    """GET ``url`` with urllib, reading at most ``max_bytes + 1`` bytes of the body."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as resp:  # noqa: S310
            body = resp.read(max_bytes + 1)
            return FetchResponse(resp.geturl(), resp.status, resp.headers.get("Content-Type", ""),
                                 body)
    except urllib.error.HTTPError as err:
        return FetchResponse(url, err.code, err.headers.get("Content-Type", "") if err.headers
                             else "", b"")
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise FetchError(f"cannot fetch: {reason}") from None


def charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def is_html_type(content_type: str) -> bool:
    ctype = content_type.split(";")[0].strip().lower()
    return ctype in ("text/html", "application/xhtml+xml") or (not ctype)


def is_feed(content_type: str, body: bytes) -> bool:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in _FEED_TYPES:
        return True
    head = body[:1024].lstrip().lower()
    if ctype in ("text/xml", "application/xml") or head.startswith(b"<?xml"):
        return b"<rss" in body[:4096].lower() or b"<feed" in body[:4096].lower() or \
            b"<rdf:rdf" in body[:4096].lower()
    return False


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)) \
        else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING)]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def canonical_url(html: str, page_url: str) -> str:
    """The page's ``<link rel="canonical">`` when it is an http(s) URL, else ``page_url``."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html[:200000])
        hrefs = tree.xpath('//link[contains(concat(" ", normalize-space(translate(@rel,'
                           '"CANONICAL","canonical")), " "), " canonical ")]/@href')
    except Exception:  # broken markup: fall back to the fetched URL
        hrefs = []
    for href in hrefs:
        absolute = urljoin(page_url, str(href).strip())
        if absolute.startswith(("http://", "https://")):
            return normalize_url(absolute)
    return normalize_url(page_url)


def _fetch(url: str, max_bytes: int, fetch: Fetcher) -> FetchResponse | InputError:
    try:
        resp = fetch(url, max_bytes)
    except FetchError as err:
        return InputError(url, str(err))
    except Exception as err:  # an injected fetcher may raise anything; report, don't crash
        return InputError(url, f"cannot fetch: {err}".splitlines()[0])
    if not 200 <= resp.status < 300:
        return InputError(url, f"HTTP status {resp.status}")
    if len(resp.body) > max_bytes:
        return InputError(url, f"response is over the limit of {max_bytes} bytes")
    if not resp.body.strip():
        return InputError(url, "empty response")
    return resp


def _page(url: str, resp: FetchResponse, **meta: str | None) -> RawDocument | InputError:
    ctype = resp.content_type.split(";")[0].strip().lower()
    try:
        content = decode_bytes(resp.body, charset_of(resp.content_type))
    except DecodeError as err:
        return InputError(url, str(err))
    if ctype == "text/plain":
        final = normalize_url(resp.url)
        return RawDocument(id=final, source=url, text=content, url=final, **meta)
    if not is_html_type(resp.content_type):
        return InputError(url, f"unsupported content type {ctype}")
    from tripwire.read.files import html_has_text

    if not html_has_text(content):
        return InputError(url, "HTML page without any readable text")
    canon = canonical_url(content, resp.url)
    return RawDocument(id=canon, source=url, html=content, url=canon, **meta)


def _entry_date(entry: object) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = getattr(entry, key, None) or (entry.get(key) if isinstance(entry, dict) else None)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def read_feed(url: str, resp: FetchResponse, max_bytes: int, fetch: Fetcher) -> \
        Iterator[RawDocument | InputError]:
    import feedparser

    feed = feedparser.parse(resp.body, response_headers={"content-location": resp.url})
    if not feed.entries:
        why = "malformed feed" if feed.bozo else "feed without entries"
        yield InputError(url, why)
        return
    seen: set[str] = set()
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            yield InputError(url, f"feed entry without a link: {entry.get('title', '?')!r}")
            continue
        link = urljoin(resp.url, link)
        if link in seen:
            continue
        seen.add(link)
        page = _fetch(link, max_bytes, fetch)
        if isinstance(page, InputError):
            yield page
            continue
        yield _page(link, page, title=entry.get("title") or None, date=_entry_date(entry))


def read_url(url: str, max_bytes: int, fetch: Fetcher) -> Iterator[RawDocument | InputError]:
    """Yield the page at ``url``, or every entry's page when ``url`` is a feed."""
    resp = _fetch(url, max_bytes, fetch)
    if isinstance(resp, InputError):
        yield resp
    elif is_feed(resp.content_type, resp.body):
        yield from read_feed(url, resp, max_bytes, fetch)
    else:
        yield _page(url, resp)
