from pathlib import Path

import pytest

from tripwire.errors import UsageError
from tripwire.sanctions.loaders import load_lists
from tripwire.sanctions.loaders.un import load_un_xml


def test_un_list_has_dprk_entries_with_aliases(sanctions_dir: Path) -> None:
    lst = load_un_xml(sanctions_dir / "un" / "UN_consolidated_2026-02-27.xml")
    assert lst.date == "2026-02-27"
    dprk = [e for e in lst.entries if e.program == "DPRK"]
    assert len(dprk) == 155
    komid = next(e for e in lst.entries if e.entry_id == "KPe.001")
    assert "KOMID" in komid.names


def test_folder_loads_newest_ofac_snapshot_and_reports_the_older(sanctions_dir: Path) -> None:
    loaded = load_lists([str(sanctions_dir / "ofac")])
    sdn = next(lst for lst in loaded.lists if lst.name == "OFAC SDN")
    assert sdn.date == "2024-05-03" and len(sdn.entries) == 14965
    assert any("sdn_2021-07" in path for path, _ in loaded.skipped)
    vessel = next(e for e in sdn.entries if e.names[0] == "CHONG CHON GANG")
    assert vessel.schema == "Vessel" and vessel.imo == ("7937317",)


def test_eu_vessel_names_in_brackets_become_aliases(sanctions_dir: Path) -> None:
    loaded = load_lists([str(sanctions_dir / "eu" / "eu_32017R1509_dprk.csv")])
    entry = next(e for e in loaded.lists[0].entries if e.imo == ("8909575",))
    assert entry.names == ("Chong Bong", "Greenlight", "Blue Nouvelle")


def test_companion_file_alone_is_a_usage_error(sanctions_dir: Path) -> None:
    with pytest.raises(UsageError):
        load_lists([str(sanctions_dir / "ofac" / "alt_2025-02.csv")])
