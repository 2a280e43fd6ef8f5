"""A small invented data set for report tests and the docs screenshot (no corpus text)."""

from __future__ import annotations

from tripwire.model import Attribution, Document, Event, EventDate, Evidence, Item, Quantity
from tripwire.stories.clusters import assign_clusters, build_clusters
from tripwire.stories.stories import Story, assign_stories, build_stories
from tripwire.stories.syndication import assign_groups

_DOCS = [
    ("n1", "Example Wire", "2022-09-06", "Officials say Russia is buying shells from North Korea."),
    ("n2", "Daily Example", "2022-09-07", "The wire story repeated: Russia is buying shells."),
    ("n3", "Example Wire", "2023-10-13", "A spokesman says containers of munitions were shipped."),
    ("n4", "Harbour Times", "2023-10-14", "A paper repeats the claim of a thousand containers."),
    ("n5", "Example Wire", "2023-10-17", "The Kremlin calls the reports of arms trade baseless."),
    ("n6", "Capital Post", "2024-01-10", "Officials say missiles from the North were fired."),
    ("n7", "Example Wire", "2024-10-23", "Intelligence officials say troops were sent to Russia."),
    ("n8", "Capital Post", "2024-11-13", "Officials put the number of troops above ten thousand."),
]


def _event(i: int, doc: str, type_: str, stage: str, actors: dict[str, tuple[str, ...]],
           sentence: str, date: str, qty: Quantity | None = None,
           who: Attribution | None = None, items: tuple[Item, ...] = ()) -> Event:
    return Event(id=f"ev-demo-{i}", doc=doc, type=type_, stage=stage, actors=actors,
                 items=items, quantity=qty, date=EventDate(date, date, "day"),
                 attribution=(who,) if who else (),
                 evidence=(Evidence(0, len(sentence), sentence),))


def demo() -> tuple[list[Document], list[Event], list, list[Story]]:
    docs = [Document(id=i, text=t, outlet=o, published=p, url=f"https://example.org/{i}")
            for i, o, p, t in _DOCS]
    pr = {"supplier": ("PRK",), "recipient": ("RUS",)}
    nyt = Attribution("The Example Times", None, "USA", "media")
    intel = Attribution(None, "U.S. intelligence", "USA", "intelligence")
    shells = Item("artillery shells", "artillery_ammunition")
    events = [
        _event(1, "n1", "arms_transfer", "agreed", pr, _DOCS[0][3], "2022-09-05",
               Quantity("millions", 1e6, None, "shells"), intel, (shells,)),
        _event(2, "n2", "arms_transfer", "agreed", pr, _DOCS[1][3], "2022-09-05",
               Quantity("millions", 1e6, None, "shells"), nyt, (shells,)),
        _event(3, "n3", "arms_transfer", "delivered", pr, _DOCS[2][3], "2023-10-13",
               Quantity("more than 1,000 containers", 1000, None, "containers"),
               Attribution("A. Spokesman", "spokesman", "USA", "official")),
        _event(4, "n4", "arms_transfer", "delivered", pr, _DOCS[3][3], "2023-10-13",
               Quantity("about 1,000 containers", 1000, None, "containers")),
        _event(5, "n5", "denial", "held", {"actor": ("RUS",), "denied": ("arms_transfer",)},
               _DOCS[4][3], "2023-10-17"),
        _event(6, "n6", "arms_transfer", "delivered", pr, _DOCS[5][3], "2024-01-04",
               items=(Item("ballistic missiles", "ballistic_missiles"),)),
        _event(7, "n7", "troop_deployment", "delivered", {"sender": ("PRK",), "host": ("RUS",)},
               _DOCS[6][3], "2024-10-18", Quantity("about 1,500", 1500, 1500, "troops"),
               Attribution(None, "National Intelligence Service", "KOR", "intelligence")),
        _event(8, "n8", "troop_deployment", "delivered", {"sender": ("PRK",), "host": ("RUS",)},
               _DOCS[7][3], "2024-11-13", Quantity("more than 10,000", 10000, None, "troops")),
    ]
    groups = assign_groups(docs)
    docs = [d.replace(syndication_group=groups.get(d.id)) for d in docs]
    by_id = {d.id: d for d in docs}
    got = assign_clusters(events, by_id)
    events = [e.replace(cluster=got[e.id]) for e in events]
    clusters = build_clusters(events, by_id)
    stories = build_stories(clusters, events)
    return docs, events, assign_stories(clusters, stories), stories
