"""Sanctions screening and regimes: list loaders, a blocked name index, an explained matcher,
and regime rules that flag events (SPEC §2 ``sanctions`` and ``violations``)."""

from tripwire.sanctions.entries import ListEntry, SanctionsList
from tripwire.sanctions.index import Match, ScreeningIndex, load_index
from tripwire.sanctions.matcher import Score, score_pair
from tripwire.sanctions.screen import screen_entities, screen_entity

__all__ = ["ListEntry", "Match", "SanctionsList", "Score", "ScreeningIndex", "load_index",
           "score_pair", "screen_entities", "screen_entity"]
