"""Score event extraction on the shared corpus and time it against bare spaCy.

usage: python bench/extract_eval.py [--shared ../shared] [--out /tmp/tripwire_events.jsonl]
                                    [--no-timing] [--quiet]

Builds Documents from ``shared/corpus`` (seeds: ``.txt``, id = file stem, published from
``gold/documents.jsonl``; dev: ``.json`` with text/date/outlet/url), runs
``tripwire.extract.analyse_many``, writes the events as export JSONL, runs
``shared/tools/score_events.py`` on it (``--verbose``) and prints its table, then the time of
the extraction beside the time of the bare spaCy pipeline (``nlp.pipe``, ``n_process=2``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy

from tripwire import nlp as tnlp
from tripwire.extract import analyse_many
from tripwire.model import Document

REPO = Path(__file__).resolve().parents[1]


def load_documents(shared: Path) -> list[Document]:
    meta = {}
    for line in (shared / "gold" / "documents.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            meta[rec["doc"]] = rec
    docs = []
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        m = meta.get(path.stem, {})
        docs.append(Document(id=path.stem, text=path.read_text("utf-8"),
                             published=m.get("published"), outlet=m.get("outlet")))
    for path in sorted((shared / "corpus" / "dev").glob("*.json")):
        rec = json.loads(path.read_text("utf-8"))
        m = meta.get(path.stem, {})
        docs.append(Document(id=path.stem, text=rec.get("text") or "", url=rec.get("url"),
                             title=rec.get("title"), outlet=rec.get("outlet") or m.get("outlet"),
                             published=rec.get("date") or m.get("published")))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("/tmp/tripwire_events.jsonl"))
    ap.add_argument("--no-timing", action="store_true", help="skip the bare-spaCy comparison")
    ap.add_argument("--quiet", action="store_true", help="no --verbose listing of errors")
    args = ap.parse_args()

    docs = load_documents(args.shared)
    nlp = tnlp.load()
    analyse_many(docs[:2], nlp)  # warm caches (lexicons, matchers)
    t0 = time.perf_counter()
    analyses = analyse_many(docs, nlp)
    t_ours = time.perf_counter() - t0
    with args.out.open("w", encoding="utf-8") as f:
        for a in analyses:
            for ev in a.events:
                f.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    n_events = sum(len(a.events) for a in analyses)
    cmd = [sys.executable, str(args.shared / "tools" / "score_events.py"),
           str(args.shared / "gold"),
           str(args.out)]
    if not args.quiet:
        cmd.append("--verbose")
    print(subprocess.run(cmd, capture_output=True, text=True, check=False).stdout)
    chars = sum(len(d.text) for d in docs)
    print(f"documents: {len(docs)}  characters: {chars}  events exported: {n_events}")
    print(f"tripwire analyse_many (1 process):      {t_ours:7.2f} s")
    if not args.no_timing:
        bare = spacy.load(tnlp._resolve("en_core_web_sm"))
        texts = [d.text for d in docs]
        list(bare.pipe(texts[:2]))
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, n_process=2, batch_size=16):
            pass
        t_bare = time.perf_counter() - t0
        print(f"bare spaCy nlp.pipe (n_process=2):      {t_bare:7.2f} s")
        print(f"speed-up: {t_bare / t_ours:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
