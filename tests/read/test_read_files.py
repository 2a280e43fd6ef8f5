"""Reading local files: dispatch, ids, and one InputError per bad input (never an exception)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tripwire.errors import InputError
from tripwire.read import RawDocument, read_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BIG = 10_000_000


def split(results: list[RawDocument | InputError]) -> tuple[list[RawDocument], list[InputError]]:
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(docs) + len(errors) == len(results)
    return docs, errors


def test_bad_inputs_folder_yields_valid_docs_and_one_error_per_bad_file() -> None:
    docs, errors = split(list(read_inputs([str(FIXTURES / "bad_inputs")], BIG)))
    # broken.html has unclosed tags but readable text: it is a document, not an error
    assert sorted(d.id for d in docs) == ["broken", "valid"]
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert set(reasons) == {"binary.txt", "empty.txt", "truncated.json"}
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert "malformed JSON" in reasons["truncated.json"]
    for e in errors:
        assert "\n" not in e.reason and str(e).startswith(e.source)


def test_broken_html_keeps_its_text() -> None:
    from tripwire.clean import clean

    (doc,) = list(read_inputs([str(FIXTURES / "bad_inputs" / "broken.html")], BIG))
    assert isinstance(doc, RawDocument) and doc.html and doc.text is None
    text = clean(doc).text
    assert "inspected a cargo ship carrying machine parts." in text
    assert "The inspection took four hours" in text


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body>")
    (err,) = list(read_inputs([str(page)], BIG))
    assert isinstance(err, InputError) and "without any readable text" in err.reason


def test_file_over_max_bytes(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("A sentence of text. " * 100)
    (err,) = list(read_inputs([str(f)], 500))
    assert isinstance(err, InputError)
    assert "over the limit of 500" in err.reason
    (doc,) = list(read_inputs([str(f)], 5000))
    assert isinstance(doc, RawDocument)


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré à Genève que l'accord était signé.\n".encode("latin-1"))
    (doc,) = list(read_inputs([str(f)], BIG))
    assert isinstance(doc, RawDocument)
    assert doc.text is not None and "déclaré à Genève" in doc.text


def test_cp1252_quotes_and_utf8_bom(tmp_path: Path) -> None:
    a = tmp_path / "quotes.txt"
    a.write_bytes("\u201cWe agree,\u201d the envoy said \u2013 twice.".encode("cp1252"))
    b = tmp_path / "bom.txt"
    b.write_bytes("\ufeffPlain text with a byte order mark.".encode())
    docs, errors = split(list(read_inputs([str(a), str(b)], BIG)))
    assert not errors
    assert docs[0].text == "\u201cWe agree,\u201d the envoy said \u2013 twice."
    assert docs[1].text == "Plain text with a byte order mark."


def test_random_bytes_are_not_text(tmp_path: Path) -> None:
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(128, 256)) * 20)
    (err,) = list(read_inputs([str(f)], BIG))
    assert isinstance(err, InputError)


def test_jsonl_bad_line_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "First article text.", "outlet": "Example Wire"}),
        '{"text": "broken',
        "",
        json.dumps({"text": "Third article text.", "date": "2024-05-01"}),
        json.dumps({"title": "no body"}),
        json.dumps(["not", "an", "object"]),
    ]
    f.write_text("\n".join(lines) + "\n")
    docs, errors = split(list(read_inputs([str(f)], BIG)))
    assert [d.id for d in docs] == ["a1", "batch:4"]
    assert docs[0].outlet == "Example Wire" and docs[1].date == "2024-05-01"
    assert [e.source for e in errors] == [f"{f}:2", f"{f}:5", f"{f}:6"]
    assert "malformed JSON" in errors[0].reason
    assert "no 'text' or 'html'" in errors[1].reason
    assert "expected a JSON object" in errors[2].reason


def test_json_object_fields(tmp_path: Path) -> None:
    ok = tmp_path / "story.json"
    ok.write_text(json.dumps({"text": "Body.", "url": "https://example.org/x", "title": "T",
                              "date": "2024-01-02", "outlet": "Example", "language": "en"}))
    no_text = tmp_path / "empty_obj.json"
    no_text.write_text(json.dumps({"url": "https://example.org/y"}))
    bad_type = tmp_path / "bad_type.json"
    bad_type.write_text(json.dumps({"text": "Body.", "date": 20240102}))
    docs, errors = split(list(read_inputs([str(ok), str(no_text), str(bad_type)], BIG)))
    assert docs == [RawDocument(id="story", source=str(ok), text="Body.",
                                url="https://example.org/x", title="T", date="2024-01-02",
                                outlet="Example", language="en")]
    assert "no 'text' or 'html'" in errors[0].reason
    assert "'date' must be a string" in errors[1].reason


def test_folder_recursion_is_sorted_and_skips_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed text.")
    (tmp_path / "a" / "y.txt").write_text("Why text.")
    (tmp_path / "x.txt").write_text("Ex text.")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("Hidden.")
    ids = [r.id for r in read_inputs([str(tmp_path)], BIG) if isinstance(r, RawDocument)]
    assert ids == ["y", "z", "x"]
    assert list(read_inputs([str(tmp_path)], BIG)) == list(read_inputs([str(tmp_path)], BIG))


def test_explicit_unsupported_or_missing_file_is_an_error(tmp_path: Path) -> None:
    pdf = tmp_path / "notes.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    errors = list(read_inputs([str(pdf), str(tmp_path / "missing.txt")], BIG))
    assert [type(e) for e in errors] == [InputError, InputError]
    assert "unsupported file type .pdf" in errors[0].reason  # type: ignore[union-attr]
    assert errors[1].reason == "no such file or folder"  # type: ignore[union-attr]


@pytest.mark.skipif(hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0,
                    reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("secret")
    f.chmod(0)
    (err,) = list(read_inputs([str(f)], BIG))
    assert isinstance(err, InputError) and "permission denied" in err.reason


def test_shared_corpus_reads_without_errors(corpus_dir: Path) -> None:
    docs, errors = split(list(read_inputs([str(corpus_dir)], BIG)))
    assert not errors
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids)) == 93
    seeds = [d for d in docs if d.source.endswith(".txt")]
    assert len(seeds) == 5 and all(d.text and d.html is None for d in seeds)
    d009 = next(d for d in docs if d.id == "d009")
    assert d009.outlet == "world.kbs.co.kr" and d009.date == "2023-10-13"
