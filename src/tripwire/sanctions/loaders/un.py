"""The UN Security Council Consolidated List (XML)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tripwire.errors import InputError
from tripwire.sanctions.entries import ListEntry, SanctionsList, dedupe, imo_numbers

LIST_NAME = "UN SC Consolidated"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(el: etree._Element, tag: str) -> str:
    found = el.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _record(el: etree._Element, schema: str) -> ListEntry:
    kind = "INDIVIDUAL" if schema == "Person" else "ENTITY"
    primary = " ".join(p for p in (_text(el, t) for t in _NAME_PARTS) if p)
    strong = [primary, _text(el, "NAME_ORIGINAL_SCRIPT")]
    weak: list[str] = []
    for alias in el.findall(f"{kind}_ALIAS"):
        name = _text(alias, "ALIAS_NAME").strip('"')
        (weak if _text(alias, "QUALITY").lower() == "low" else strong).append(name)
    countries = [_text(n, "VALUE") for n in el.findall("NATIONALITY")]
    return ListEntry(
        list=LIST_NAME,
        entry_id=_text(el, "REFERENCE_NUMBER") or _text(el, "DATAID"),
        schema=schema,
        names=dedupe(strong),
        weak=dedupe(weak),
        imo=imo_numbers(_text(el, "COMMENTS1")),
        countries=tuple(c for c in countries if c),
        program=_text(el, "UN_LIST_TYPE"),
    )


def load_un_xml(path: Path) -> SanctionsList:
    """Read ``CONSOLIDATED_LIST`` XML: individuals become Person, entities Organization."""
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(str(path), f"not a UN consolidated list: {exc}") from exc
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(str(path), "XML root is not CONSOLIDATED_LIST")
    entries = [_record(el, "Person") for el in root.iter("INDIVIDUAL")]
    entries += [_record(el, "Organization") for el in root.iter("ENTITY")]
    date = (root.get("dateGenerated") or "")[:10] or None
    return SanctionsList(LIST_NAME, str(path), date, tuple(e for e in entries if e.names))
