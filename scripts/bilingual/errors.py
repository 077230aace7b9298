"""Errors that point at a place in a source file.

Every problem the project reports about its input is a ``SourceError`` carrying the file, a
1-based line and column, what is wrong and the shape that was expected. The CLI prints
``str(error)``: one line, never a traceback.
"""

from __future__ import annotations


class BilingualError(Exception):
    """Base of every error this project raises on purpose."""


class SourceError(BilingualError):
    """A problem at ``path:line:column`` of a source file."""

    def __init__(self, path: str, line: int, column: int, what: str, expected: str = "") -> None:
        self.path = path
        self.line = line
        self.column = column
        self.what = what
        self.expected = expected
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, int, int, str, str]]:
        """Pickled by its fields, so a worker process's error reaches the caller whole."""
        return (type(self), (self.path, self.line, self.column, self.what, self.expected))

    def __str__(self) -> str:
        tail = f"; expected {self.expected}" if self.expected else ""
        return f"{self.path}:{self.line}:{self.column}: {self.what}{tail}"


class ParseError(SourceError):
    """The bilingual markup or the front matter of a source is malformed."""


class LinkError(SourceError):
    """A link is malformed or does not resolve."""
