"""The project's own exceptions. The CLI turns each into one line and an exit code.

Every error has a short code (``KG1xx`` input, ``KG2xx`` store, ``KG3xx``
query, ``KG4xx`` validation set-up, ``KG5xx`` model/pipeline, ``KG6xx``
output, ``KG7xx`` stopped by the user) and, where one exists, a hint on how to fix it.
"""
from __future__ import annotations


class KgError(Exception):
    code = "KG000"
    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type, tuple[str, str | None]]:
        return type(self), (self.message, self.hint)  # a worker process's error keeps its hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(KgError):
    """A document, metadata file, gold file or other input is missing or malformed."""

    code = "KG100"


class LimitError(InputError):
    """A document is too long, or takes too long, to build within the limits."""

    code = "KG110"


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    code = "KG200"


class StoreDamagedError(StoreError):
    """The store's files are corrupted or unreadable."""

    code = "KG210"


class StoreWriteError(StoreError):
    """A write to the store failed (full disk, permissions); what was committed before stays."""

    code = "KG220"


class QueryError(KgError):
    """A SPARQL query is unknown, unreadable or invalid."""

    code = "KG300"


class QuerySyntaxError(QueryError):
    """A query is not valid SPARQL 1.1."""

    code = "KG301"


class QueryRefused(QueryError):
    """A query asks for something kg_builder does not do: updates, SERVICE, FROM an unknown graph,
    or nesting and size beyond the limits."""

    code = "KG310"


class ValidationSetupError(KgError):
    """Shapes or ontology cannot be loaded, or a reasoner cannot run."""

    code = "KG400"


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""

    code = "KG500"


class OutputError(KgError):
    """An output file or standard output cannot be written."""

    code = "KG600"


class Interrupted(KgError):
    """The user stopped a long run (Ctrl-C) after it had kept what it finished."""

    code = "KG700"
    exit_code = 130  # as a shell reports a process stopped by SIGINT
