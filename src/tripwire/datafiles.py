"""The YAML data files tripwire ships (lexicons, name tables, regimes), read one way."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it (about ten times faster), else the pure one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The data of a YAML text (safe loading: plain scalars, lists and mappings only)."""
    return yaml.load(text, Loader=_LOADER)


def read_yaml(package: str | Traversable, path: str = "") -> Any:
    """The data of ``path`` (slash-separated) inside ``package``, or of a file given as a
    ``Traversable``: ``read_yaml("tripwire.lexicons", "triggers/transfers.yaml")``."""
    entry = resources.files(package) if isinstance(package, str) else package
    for part in filter(None, path.split("/")):
        entry = entry.joinpath(part)
    return parse_yaml(entry.read_text("utf-8"))


__all__ = ["parse_yaml", "read_yaml"]
