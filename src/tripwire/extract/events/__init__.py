"""One module per event type (or family of types); each exposes ``RULES``.

See :mod:`tripwire.extract.base` for the protocol. Modules here are discovered automatically by
:func:`tripwire.extract.base.discover_rules`; a module whose name starts with ``_`` is skipped.
"""
