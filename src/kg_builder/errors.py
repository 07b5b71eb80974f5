"""The project's own exceptions. The CLI turns each into one line and an exit code.

Every error has a short code (``KG1xx`` input, ``KG2xx`` store, ``KG3xx``
query, ``KG4xx`` validation set-up, ``KG5xx`` model/pipeline) and, where one
exists, a hint on how to fix it.
"""
from __future__ import annotations


class KgError(Exception):
    code = "KG000"
    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(KgError):
    """A document, metadata file, gold file or other input is missing or malformed."""

    code = "KG100"


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    code = "KG200"


class QueryError(KgError):
    """A SPARQL query is unknown, unreadable or invalid."""

    code = "KG300"


class ValidationSetupError(KgError):
    """Shapes or ontology cannot be loaded, or a reasoner cannot run."""

    code = "KG400"


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""

    code = "KG500"
