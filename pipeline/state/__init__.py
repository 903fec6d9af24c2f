"""Run state (SQLite): see ``pipeline.state.store``."""

from pipeline.state.store import StateStore, body_hash

__all__ = ["StateStore", "body_hash"]
