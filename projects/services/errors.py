"""Why a write was declined: the exceptions views turn into 409, 422 or 429."""

from __future__ import annotations

from designer.rebase import Conflict


class StaleRevision(Exception):
    """The edit was made on another revision than the one stored and cannot be carried over."""

    def __init__(self, *, expected: int, actual: int, message: str = ""):
        self.expected, self.actual = expected, actual
        super().__init__(
            message
            or f"The project changed while you were editing (you had revision {expected}, it is now {actual}). "
            "Reload to see the latest version."
        )


class EditConflict(StaleRevision):
    """A teammate changed what this edit changes since the person opened it (designer.rebase)."""

    def __init__(self, *, expected: int, actual: int, conflict: Conflict, authors: list[str]):
        self.conflict = conflict
        who = ", ".join(authors) or "someone else"
        super().__init__(
            expected=expected,
            actual=actual,
            message=(
                f"Not saved: {who} changed this while you were editing — {conflict}. "
                "The current version is shown; your input is kept so you can save it again."
            ),
        )


class Refused(Exception):
    """A request the service declines with a message for the person (a limit, the queue
    down). ``status`` is the HTTP status a view answers with."""

    def __init__(self, message: str, *, status: int = 429):
        self.status = status
        super().__init__(message)
