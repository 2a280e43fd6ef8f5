"""Gold-derived records for the stories tests (SPEC §5 files in shared/gold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.model import Document
from tripwire.stories.gold import GoldSet, load_gold
from tripwire.stories.syndication import assign_groups


@pytest.fixture(scope="session")
def gold_set(shared_dir: Path) -> GoldSet:
    return load_gold(shared_dir)


@pytest.fixture(scope="session")
def gold_docs(gold_set: GoldSet) -> dict[str, Document]:
    groups = assign_groups(list(gold_set.documents.values()))
    return {i: d.replace(syndication_group=groups.get(i)) for i, d in gold_set.documents.items()}
