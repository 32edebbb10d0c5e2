"""The command line's one refusal: a message for the person at the keyboard."""

from __future__ import annotations


class CliError(Exception):
    """A refusal to print as one line, with the exit status to return."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message, self.code = message, code
