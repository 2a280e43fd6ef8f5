import pytest

from tripwire.sanctions.matcher import score_pair, threshold


@pytest.mark.parametrize(("a", "b", "schema"), [
    ("Kim Jong-un", "KIM, Jong Un", "Person"),
    ("김정은", "Kim Jong Un", "Person"),
    ("Lee Byung-chul", "RI PYONG CHOL", "Person"),
    ("Kang Soon-nam", "Kang Sun NAM", "Person"),
    ("Choi Son-hee", "CHOE SON HUI", "Person"),
    ("Park Jong-chon", "PAK JONG CHON", "Person"),
    ("Владимир Путин", "Vladimir Putin", "Person"),
    ("PUTIN, Vladimir", "Vladimir Putin", "Person"),
    ("KOMID", "Korea Mining Development Trading Corporation", "Organization"),
    ("Iskusstvo Krasoty OOO", "LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", "Company"),
])
def test_same_party_matches(a: str, b: str, schema: str) -> None:
    s = score_pair(a, b, schema)
    assert s.score >= threshold(), s.explanation


@pytest.mark.parametrize(("a", "b", "schema"), [
    ("Kim Jong Un", "Kim Jong Il", "Person"),
    ("Kim Jong Un", "Kim Tong Un", "Person"),
    ("김종은", "김정은", "Person"),
    ("Kim Jong Un", "Ri Jong Un", "Person"),
    ("Patricia Hubert", "Patricia", "Person"),
])
def test_different_parties_do_not_match(a: str, b: str, schema: str) -> None:
    s = score_pair(a, b, schema)
    assert s.score < threshold(), s.explanation


def test_every_score_is_explained() -> None:
    s = score_pair("Kim Jong-uun", "Kim Jong Un", "Person")
    assert s.features and all(name and why for name, _, why in s.features)
    assert "korean" in s.explanation
