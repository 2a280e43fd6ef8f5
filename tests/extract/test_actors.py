"""Actor resolution and the relevance filter."""

from __future__ import annotations

from tripwire import nlp as tnlp
from tripwire.extract import relevance
from tripwire.extract.actors import resolver


def test_lookup_states_and_bodies() -> None:
    r = resolver()
    assert r.lookup("the Kremlin").name == "RUS"  # type: ignore[union-attr]
    assert r.lookup("UNSC").name == "United Nations Security Council"  # type: ignore[union-attr]


def test_modifiers_and_conjuncts() -> None:
    doc = tnlp.load()("Officials of Iran and the North Korean regime met the UN Security Council.")
    r = resolver()
    officials = doc[0]
    assert r.of_token(officials).name == "IRN"  # type: ignore[union-attr]
    names = {a.name for a in r.mentions(doc[:])}
    assert {"IRN", "PRK", "United Nations Security Council"} <= names


def test_split_tiles_the_text() -> None:
    text = "Mr. Lee spoke. The U.S. Army left.Then rain fell!\n\nNext line"
    sents = relevance.split(text)
    assert "".join(text[s.start : s.end] for s in sents) == text
    assert len(sents) == 4


def test_a_leader_named_in_full_can_be_named_by_one_word_later() -> None:
    doc = tnlp.load()("Kim Jong Un met Putin on Monday. Later Kim asked for Russian technology.")
    r = resolver()
    later = next(t for t in doc if t.text == "Kim" and t.i > 3)
    assert r.of_token(later).name == "PRK"  # type: ignore[union-attr]


def test_a_single_family_name_before_any_full_mention_is_no_state() -> None:
    doc = tnlp.load()("Kim visited Moscow. Kim Jong Un stayed home.")
    assert resolver().of_token(doc[0]) is None
