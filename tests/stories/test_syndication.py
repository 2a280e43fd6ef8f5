"""Near-duplicate grouping: the general algorithm finds the wire copies in corpus/dev."""

from __future__ import annotations

import random
from collections import defaultdict

from tripwire.model import Document
from tripwire.stories.gold import GoldSet
from tripwire.stories.syndication import assign_groups, canonical_url

BASE = (
    "The coast guard of a small island state said on Tuesday that it had boarded a tanker "
    "suspected of carrying fuel to a sanctioned port, and that the crew of eighteen had been "
    "detained while inspectors examined the cargo manifests and the ship's logbook. Officials "
    "added that the vessel had switched off its transponder for three days before it was "
    "intercepted some forty miles off the northern cape, a pattern seen in earlier cases."
)


def _groups(result: dict[str, str | None]) -> list[set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for doc, group in result.items():
        if group:
            members[group].add(doc)
    return sorted(members.values(), key=min)


def test_dev_wire_copies_share_groups(gold_set: GoldSet) -> None:
    groups = _groups(assign_groups(list(gold_set.documents.values())))
    # Found by reading the texts: one AP story on the containers (three outlets), one on the
    # veto (two), one on the end of UN monitoring (two), one on the Security Council meeting.
    for copies in ({"d011", "d013", "d016"}, {"d026", "d029"}, {"d030", "d031"},
                   {"d131", "d133"}):
        assert copies in groups
    # Reports of the same news written independently are not copies.
    assert not any({"d024", "d025"} <= g or {"d165", "d169"} <= g for g in groups)


def test_grouping_does_not_depend_on_input_order(gold_set: GoldSet) -> None:
    docs = list(gold_set.documents.values())
    first = assign_groups(docs)
    random.Random(7).shuffle(docs)
    assert assign_groups(docs) == first


def test_url_with_and_without_trailing_slash() -> None:
    a = Document(id="a", text="One text about a summit.", url="https://www.example.org/news/1/")
    b = Document(id="b", text="A different rendering of it.", url="http://example.org/news/1")
    c = Document(id="c", text="Unrelated.", url="https://example.org/news/2")
    got = assign_groups([a, b, c])
    assert got["a"] == got["b"] is not None and got["c"] is None
    assert canonical_url("https://x.org/a/?utm_source=rss#top") == canonical_url("http://x.org/a")


def test_lightly_edited_copy_is_grouped() -> None:
    edited = (BASE.replace("Tuesday", "Wednesday").replace("eighteen", "18")
              + " The ministry did not respond to a request for comment.")
    other = ("Parliament passed a budget on Thursday that raises spending on schools and roads, "
             "after a debate that lasted late into the night and ended with a narrow vote.")
    got = assign_groups([Document(id="x2", text=edited), Document(id="x1", text=BASE),
                         Document(id="y", text=other)])
    assert got["x1"] == got["x2"] is not None
    assert got["y"] is None
