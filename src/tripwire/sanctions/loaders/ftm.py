"""FollowTheMoney entities, one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path

from tripwire.errors import InputError
from tripwire.sanctions.entries import ListEntry, SanctionsList, dedupe, fold_schema


def load_ftm_json(path: Path) -> SanctionsList:
    """Read Person/Company/Organization/LegalEntity/Vessel entities; other schemata are skipped."""
    entries = []
    name = f"FtM {path.name.split('.')[0]}"
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not JSON: {exc}") from exc
            schema = fold_schema(data.get("schema"))
            props = data.get("properties", {})
            strong = props.get("name", []) + props.get("alias", []) + props.get("previousName", [])
            if schema is None or not strong:
                continue
            entries.append(ListEntry(
                list=name,
                entry_id=str(data.get("id")),
                schema=schema,
                names=dedupe([data.get("caption") or strong[0], *strong]),
                weak=dedupe(props.get("weakAlias", [])),
                imo=tuple(props.get("imoNumber", [])),
                countries=tuple(props.get("nationality", []) + props.get("country", [])),
                program=", ".join(props.get("topics", [])),
            ))
    return SanctionsList(name, str(path), None, tuple(entries))
