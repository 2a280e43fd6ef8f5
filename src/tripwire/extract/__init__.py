"""Event extraction: documents → :class:`tripwire.model.Analysis` (entities, events, quotes)."""
