"""The state gazetteer component: which mentions it marks where they overlap."""

from __future__ import annotations

import pytest

from tripwire.nlp import load


@pytest.mark.parametrize(("text", "expected"), [
    ("the North Korean leader Kim Jong Un met Putin.",
     [("North Korean", "PRK"), ("Kim Jong Un", "PRK"), ("Putin", "RUS")]),
    ("Meanwhile, the North Korea-Russia summit was held.",
     [("North Korea", "PRK"), ("Russia", "RUS")]),
    ("Officials say the North has sent shells.", [("the North", "PRK")]),
    ("The South Korean military said so.", [("South Korean military", "KOR")]),
    ("A pact between Russia and the Democratic People’s Republic of Korea.",
     [("Russia", "RUS"), ("Democratic People’s Republic of Korea", "PRK")]),
])
def test_the_longest_mention_wins_and_a_leading_the_does_not_count(
        text: str, expected: list[tuple[str, str]]) -> None:
    doc = load()(text)
    assert [(s.text, s.kb_id_) for s in doc.spans["states"]] == expected
