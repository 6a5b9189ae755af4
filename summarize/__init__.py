"""summarize: structured Chinese and English summaries of Chinese local-government news reports.

Importing the package is cheap: no torch, no transformers, no rich until a function needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "batch", "clean_file", "clean_text", "summarize_file", "summarize_text"]

if TYPE_CHECKING:
    from .api import clean_file, clean_text, summarize_file, summarize_text
    from .batching import batch


def __getattr__(name: str) -> Any:
    if name in ("clean_file", "clean_text", "summarize_file", "summarize_text"):
        from . import api

        return getattr(api, name)
    if name == "batch":
        from .batching import batch

        return batch
    raise AttributeError(name)
