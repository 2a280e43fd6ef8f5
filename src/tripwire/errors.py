"""The exception root and its children; each carries a one-line message for the user.

    TripwireError              exit 1, HTTP 500
    ├── InputError             a file or URL that cannot be read as a document; exit 1, HTTP 422
    ├── UsageError             a wrong argument or setting; exit 2, HTTP 400
    ├── StoreError             the database refused or is unreachable; exit 1, HTTP 503
    ├── ModelError             the spaCy model or a lexicon cannot be loaded; exit 1, HTTP 500
    └── NotFound               an id that is not stored; exit 1, HTTP 404

The CLI and the web server map them to exit codes and HTTP statuses from the class attributes,
in one place each (``cli.main`` and ``serve``).
"""

from __future__ import annotations


class TripwireError(Exception):
    exit_code = 1
    status = 500

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InputError(TripwireError):
    """An input that cannot become a document. ``source`` names the file or URL."""

    status = 422

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(TripwireError):
    exit_code = 2
    status = 400


class StoreError(TripwireError):
    status = 503


class ModelError(TripwireError):
    status = 500


class NotFound(TripwireError):
    status = 404
