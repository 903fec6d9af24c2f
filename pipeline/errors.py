"""Exception tree.

    PipelineError            base: anything edunews raises on purpose
    ├── ConfigError          bad settings or sites file (raised while loading them)
    ├── InputError           a document or path we cannot read (empty, binary, missing)
    ├── ArchiveError         a WARC/manifest that is corrupt
    ├── CleanError           cleaning found no usable article in a page
    ├── ExtractError         an extractor failed on one article
    ├── StateError           the SQLite run state is unusable
    └── LockedError          another run holds the data folder's lock

Every message is one line that says what went wrong and, where it can, what to do:
the CLI prints it as is and the runner records it in the ``errors`` table.
"""


class PipelineError(Exception):
    """Base class; ``str(exc)`` is the one-line message shown to users."""


class ConfigError(PipelineError):
    """Raised by ``pipeline.settings`` when a setting or the sites file is invalid."""


class InputError(PipelineError):
    """Raised by readers when a document cannot be decoded as a web page."""


class ArchiveError(PipelineError):
    """Raised by ``pipeline.ingest`` when an archive is unreadable."""


class CleanError(PipelineError):
    """Raised by ``pipeline.clean`` when a page holds no text to extract from."""


class ExtractError(PipelineError):
    """Raised when an extractor fails on one article (the batch goes on)."""


class StateError(PipelineError):
    """Raised by ``pipeline.state`` when the run-state database cannot be used."""


class LockedError(PipelineError):
    """Raised when another edunews run is working on the same data folder."""
