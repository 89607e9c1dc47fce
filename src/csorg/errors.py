"""The one error type csorg raises, and the exit codes the command line maps it to."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_INVALID = 1  # invalid input, findings the user asked to fail on, a failed write to stdout
EXIT_USAGE = 2  # a bad flag or value on the command line (also click's own code)
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command stopped by Ctrl-C


def interrupted() -> int:
    """Ctrl-C: a short note instead of a traceback, and the exit code a shell expects.

    Here rather than in the CLI so the entry point can call it before anything is imported."""
    try:
        sys.stderr.write("csorg: interrupted\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # stderr closed or gone
        pass
    return EXIT_INTERRUPTED


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, located as precisely as csorg can."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    message: str = ""

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


def _sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (
        problem.file,
        problem.line or 0,
        problem.column or 0,
        problem.field or "",
        problem.message,
    )


class CsorgError(Exception):
    """Raised for every expected failure: bad files, bad values, impossible requests.

    The CLI prints ``str(error)`` (or each problem) and exits with ``exit_code``; nothing
    else in csorg decides exit codes.
    """

    exit_code = EXIT_INVALID

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=_sort_key))
        super().__init__(message)

    @property
    def message(self) -> str:
        return str(self.args[0])

    @classmethod
    def at(
        cls,
        file: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> CsorgError:
        problem = Problem(file=file, line=line, column=column, field=field, message=message)
        return cls(str(problem), [problem])

    def render(self) -> str:
        """The message as the CLI prints it: the summary, then one line per problem."""
        if not self.problems or (len(self.problems) == 1 and str(self.problems[0]) == self.message):
            return self.message
        return "\n".join([self.message, *(f"  {p}" for p in self.problems)])


class UsageError(CsorgError):
    """A value on the command line that cannot be used (exit 2, like click's own)."""

    exit_code = EXIT_USAGE


def did_you_mean(word: str, choices: Sequence[str], *, n: int = 3) -> list[str]:
    """Close matches for a misspelt id, field or title, best first."""
    import difflib

    lowered = {c.lower(): c for c in choices}
    hits = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.6)
    return [lowered[h] for h in hits]


def suggestion(word: str, choices: Sequence[str]) -> str:
    hits = did_you_mean(word, choices)
    if not hits:
        return ""
    return " (did you mean " + " or ".join(repr(h) for h in hits) + "?)"
