"""Lists given by URL: fetched over HTTP (a real list file served on 127.0.0.1), then read."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tripwire.errors import InputError
from tripwire.sanctions.loaders import load_lists

EU_DPRK = "eu_32017R1509_dprk.csv"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (base signature)
        pass


@pytest.fixture()
def served(tmp_path: Path, sanctions_dir: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[str]:
    """The base URL of a local server over a folder holding a copy of the EU DPRK list; the
    download cache goes to a temporary folder and no proxy is used for 127.0.0.1."""
    root = tmp_path / "www"
    root.mkdir()
    shutil.copy(sanctions_dir / "eu" / EU_DPRK, root / EU_DPRK)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_list_fetched_by_url_reads_like_the_file(served: str, sanctions_dir: Path,
                                                   tmp_path: Path) -> None:
    by_url = load_lists([f"{served}/{EU_DPRK}"]).lists
    by_file = load_lists([str(sanctions_dir / "eu" / EU_DPRK)]).lists
    assert len(by_url) == 1 and by_url[0].entries == by_file[0].entries
    assert len(by_url[0].entries) > 100
    assert any(e.imo == ("8909575",) for e in by_url[0].entries)
    assert list((tmp_path / "cache" / "tripwire" / "lists").glob("*.csv"))  # kept in the cache


def test_a_missing_url_is_an_input_error(served: str) -> None:
    with pytest.raises(InputError, match="cannot fetch"):
        load_lists([f"{served}/no_such_list.csv"])
