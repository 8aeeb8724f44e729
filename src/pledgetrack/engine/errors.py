"""One exception tree for the engine.

Every error says what happened, why, and what to do, in Korean, so that the CLI
and the web app can show ``str(error)`` to a user as it is.
"""

from __future__ import annotations


class PledgetrackError(Exception):
    """Base of every error the engine raises on purpose."""


class InputError(PledgetrackError):
    """The user's input (a file, a row, a value) is wrong; nothing was changed."""


class ImportRowError(InputError):
    """One row of an imported table is wrong.

    ``location`` names the file, row and column as ``file:row:column``.
    """

    def __init__(self, message: str, *, file: str, row: int | None = None, column: str | None = None):
        self.file = file
        self.row = row
        self.column = column
        where = file
        if row is not None:
            where += f" {row}행"
        if column:
            where += f" '{column}' 열"
        super().__init__(f"{where}: {message}")


class MoneyFormatError(InputError):
    """A text is not an amount of money the parser understands."""


class DocumentError(PledgetrackError):
    """A document cannot be read (corrupt, encrypted, too large, unsupported)."""

    def __init__(self, message: str, *, file: str, page: int | None = None, hint: str = ""):
        self.file = file
        self.page = page
        self.hint = hint
        where = f"'{file}'" + (f" {page}쪽" if page is not None else "")
        text = f"문서를 읽을 수 없습니다: {where} ({message})."
        if hint:
            text += f" {hint}"
        super().__init__(text)


class UnsupportedFormatError(DocumentError):
    """The file's type is not one pledgetrack reads."""


class EncryptedDocumentError(DocumentError):
    """The file is protected by a password."""


class UnsafeDocumentError(DocumentError):
    """The file would expand past safe limits (a zip bomb) or is too large."""


class ConfigurationError(PledgetrackError):
    """The environment or settings are wrong."""
