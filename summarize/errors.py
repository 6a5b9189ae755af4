"""Errors the tool reports to users. Each names the file and the problem."""

from __future__ import annotations

# Exit codes shared by every command.
EXIT_OK = 0
EXIT_FAILED = 1  # some input could not be processed
EXIT_USAGE = 2  # bad flags, missing paths, malformed config


class SummarizeError(Exception):
    """Base class: a problem the user can act on. ``str(err)`` is the message to show."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(SummarizeError):
    """The input file cannot be read as a report (missing, empty, binary, too large, undecodable)."""


class UsageError(SummarizeError):
    """The command line or configuration is wrong."""

    exit_code = EXIT_USAGE


class OutputError(SummarizeError):
    """An output path cannot or must not be written (an input, a directory, a foreign symlink, no space)."""

    exit_code = EXIT_USAGE


class NotAReportError(InputError):
    """The input reads as text but is not a report: no Chinese, no body after cleaning, or the tool's own output."""


class ModelError(SummarizeError):
    """A model could not be found, loaded or run."""


class UnsupportedOutputError(SummarizeError):
    """--strict: the model wrote something the source does not support."""
