"""Cleaning: boilerplate lines go, article sentences stay verbatim (offsets are computed later)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tripwire.clean import LineContext, clean, clean_text, is_boilerplate, normalize_line
from tripwire.read import RawDocument, read_inputs

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"


def gold_docs(gold_dir: Path) -> dict[str, dict]:
    lines = (gold_dir / "documents.jsonl").read_text("utf-8").splitlines()
    return {d["doc"]: d for d in map(json.loads, filter(None, lines))}


def corpus_docs(corpus_dir: Path) -> list[RawDocument]:
    docs = [r for r in read_inputs([str(corpus_dir)], 10_000_000) if isinstance(r, RawDocument)]
    assert len(docs) == 93
    return docs


def test_seeds_drop_boilerplate_and_keep_sentences(corpus_dir: Path, gold_dir: Path) -> None:
    gold = gold_docs(gold_dir)
    seeds = [d for d in corpus_docs(corpus_dir) if d.source.endswith(".txt")]
    assert len(seeds) == 5
    for doc in seeds:
        text = clean(doc).text
        lines = set(text.split("\n"))
        for line in gold[doc.id]["must_drop"]:
            assert line not in lines, (doc.id, line)
        for sentence in gold[doc.id]["must_keep"]:
            assert sentence in text, (doc.id, sentence)


def test_dev_docs_keep_their_sentences(corpus_dir: Path, gold_dir: Path) -> None:
    gold = gold_docs(gold_dir)
    for doc in corpus_docs(corpus_dir):
        text = clean(doc).text
        for sentence in gold[doc.id]["must_keep"]:
            assert sentence in text, (doc.id, sentence)
        for line in gold[doc.id]["must_drop"]:
            assert line not in text.split("\n"), (doc.id, line)


def _joins_input_lines(out: list[str], source: list[str]) -> bool:
    """Whether every ``out`` line is one ``source`` line, or a run of consecutive ones joined
    by spaces (unwrapped text), in order."""
    i = 0
    for line in out:
        while i < len(source):
            j, joined = i, source[i]
            while len(joined) < len(line) and j + 1 < len(source):
                j += 1
                joined = f"{joined} {source[j]}"
            if joined == line:
                i = j + 1
                break
            i += 1
        else:
            return False
    return True


def test_kept_lines_are_the_input_lines(corpus_dir: Path) -> None:
    """Nothing is rewritten: every output line is a normalised input line, in order, or, in
    hard-wrapped text, consecutive input lines joined back into their paragraph."""
    for doc in corpus_docs(corpus_dir):
        assert doc.text is not None
        source = [normalize_line(x) for x in doc.text.splitlines() if normalize_line(x)]
        out = [x for x in clean(doc).text.split("\n") if x]
        assert _joins_input_lines(out, source), doc.id
        assert "\n\n\n" not in clean(doc).text


def test_hard_wrapped_text_is_joined_back_into_paragraphs() -> None:
    wrapped = (
        "Headline of the story\n"
        "The United States will confront Ruritania at the United Nations\n"
        "Security Council on Friday over violating an arms embargo, and will\n"
        "push for a view on growing ties between the two capitals, said the\n"
        "deputy ambassador.\n"
        "But over the past year the United States has repeatedly accused North\n"
        "Korea of sending weapons to Ruritania to use in its war against its\n"
        "neighbour, which it invaded two years ago.\n"
    )
    text, _ = clean_text(wrapped)
    assert text.split("\n") == [
        "Headline of the story",
        "The United States will confront Ruritania at the United Nations Security Council on "
        "Friday over violating an arms embargo, and will push for a view on growing ties between "
        "the two capitals, said the deputy ambassador.",
        "But over the past year the United States has repeatedly accused North Korea of sending "
        "weapons to Ruritania to use in its war against its neighbour, which it invaded two years "
        "ago.",
    ]



def test_paragraph_breaks_are_kept() -> None:
    text, _ = clean_text("First paragraph line one.\nLine two.\n\n\n\nAdvertisement\n\nNext one.\n")
    assert text == "First paragraph line one.\nLine two.\n\nNext one."


def test_synthetic_page_with_web_furniture() -> None:
    raw = (FIXTURES / "nav_article.txt").read_text("utf-8")
    cleaned = clean(RawDocument(id="nav", source="nav", text=raw))
    kept = cleaned.text.split("\n")
    assert kept[0] == "Coastal Nation Expands Fishing Patrols After Dispute"
    for sentence in (
        "The coastal nation of Veloria announced on Monday that it would double the number of "
        "patrol boats operating near its northern fishing grounds.",
        "Officials said the decision followed months of complaints from local fishermen about "
        "foreign trawlers.",
        '"We will protect the livelihoods of our people," the fisheries minister told a news '
        "conference in the capital.",
        "Critics argued that the plan would strain an already stretched budget.",
    ):
        assert sentence in kept
    assert [x for x in kept if x] == [
        "Coastal Nation Expands Fishing Patrols After Dispute",
        *[x for x in kept if x][1:5],
    ]
    assert len([x for x in kept if x]) == 5, kept
    reasons = dict(cleaned.dropped)
    assert reasons["한국어"].startswith("non-Latin")
    assert reasons["Home | World | Politics | Business | Sports | Opinion"] in (
        "menu or breadcrumb", "menu words")
    assert "author bio" in reasons[
        "Jane Example is a staff reporter at the Example Gazette covering maritime affairs and "
        "regional politics."]


def test_first_person_author_bio() -> None:
    raw = (FIXTURES / "bio_article.txt").read_text("utf-8")
    text = clean(RawDocument(id="bio", source="bio", text=raw)).text
    assert text.endswith("council members said.")
    assert "My name is" not in text


@pytest.mark.parametrize(
    ("line", "drop"),
    [
        ("- Advertisement -", True),
        ("ADVERTISEMENT", True),
        ("Share this article", True),
        ("Most Read from The Example Times", True),
        ("© 2031 Example Media Group. All rights reserved.", True),
        ("Sign up for our free newsletter and never miss a story.", True),
        ("Join us on Telegram!", True),
        ("Related posts:", True),
        ("News | Politics | Business | Culture", True),
        ("Facebook Twitter WhatsApp Email", True),
        ("scroll_progress", True),
        ("ニュース", True),
        ("Hello! My name is Kim and I joined Example Daily as an intern.", True),
        ("Read more: Another unrelated story headline here", True),
        ("Russia denied the report on Friday, calling it groundless.", False),
        ("Ships Seized Off the Coast of Examplia", False),
        ("SEOUL —", False),
        ("Source: Example News Agency", False),
        ("He declined to comment further, citing the ongoing investigation.", False),
        ("The menu of options includes new sanctions on shipping firms, officials said.", False),
        ("Moscow has signed up to the agreement, the ministry said in a statement.", False),
    ],
)
def test_is_boilerplate_lines(line: str, drop: bool) -> None:
    decision, reason = is_boilerplate(line, LineContext())
    assert decision is drop, reason
    assert reason


def test_non_latin_lines_kept_in_a_non_latin_page() -> None:
    line = "북한이 러시아에 포탄을 보냈다."
    assert is_boilerplate(line, LineContext(latin_share=0.1))[0] is False


def test_repeated_short_line_is_dropped() -> None:
    head = "Envoys Meet Again In Portula"
    text, dropped = clean_text(f"{head}\nEnvoys met in the city on Tuesday, officials said after "
                               f"the talks.\n{head}\n")
    assert text.count("Envoys Meet Again In Portula") == 1
    assert dropped == (("Envoys Meet Again In Portula", "repeated short line"),)


def test_html_cleaning_uses_main_text_and_metadata() -> None:
    html = """<html><head><title>Harbour reopens | Example Gazette</title>
    <meta property="og:site_name" content="Example Gazette">
    <meta name="author" content="Ann Writer">
    <meta property="article:published_time" content="2023-05-06T10:00:00+00:00"></head>
    <body><nav><ul><li>Home</li><li>World</li><li>Business</li></ul></nav>
    <article><h1>Harbour reopens</h1>
    <p>The harbour of the fictional city of Portula reopened on Monday after a two-week closure
    caused by a storm that damaged two of its main piers, the port authority said.</p>
    <p>Ferries resumed their normal timetable in the afternoon, and cargo ships that had waited
    offshore began unloading, according to a statement from the operator.</p>
    <div class="ad">Advertisement</div>
    <p>Repairs to the second pier are expected to take another month, engineers said.</p>
    </article><footer>© 2031 Example Gazette. All rights reserved.</footer></body></html>"""
    cleaned = clean(RawDocument(id="h", source="h", html=html, url="https://gazette.example/h"))
    assert "reopened on Monday after a two-week closure" in cleaned.text
    assert "Repairs to the second pier" in cleaned.text
    assert "All rights reserved" not in cleaned.text and "Advertisement" not in cleaned.text
    assert cleaned.date == "2023-05-06"
    assert cleaned.sitename == "Example Gazette" and cleaned.author == "Ann Writer"
    assert cleaned.title and cleaned.title.startswith("Harbour reopens")


def test_speed_of_text_cleaning(corpus_dir: Path) -> None:
    docs = corpus_docs(corpus_dir)
    batch = (docs * 2)[:100]
    start = time.perf_counter()
    for doc in batch:
        clean(doc)
    assert time.perf_counter() - start < 1.0
