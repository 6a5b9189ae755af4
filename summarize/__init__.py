"""summarize: structured Chinese and English summaries of Chinese local-government news reports.

Importing the package is cheap: no torch, no transformers, no rich until a function needs them.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "batch", "clean_file", "clean_text", "summarize_file", "summarize_text"]

if TYPE_CHECKING:
    from .api import clean_file, clean_text, summarize_file, summarize_text
    from .batch import batch


def __getattr__(name: str) -> Any:
    if name in ("clean_file", "clean_text", "summarize_file", "summarize_text"):
        from . import api

        return getattr(api, name)
    if name == "batch":
        from .batch import batch

        return batch
    raise AttributeError(name)


class _Package(types.ModuleType):
    """``summarize.batch`` is the public function (``from summarize import batch``) and also the name of
    the subpackage that defines it. Importing a submodule sets it as an attribute of its parent, which
    would replace the function with the package; this keeps the function. The subpackage itself is
    reached with ``from summarize.batch import ...`` (through sys.modules), never by attribute."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "batch" and isinstance(value, types.ModuleType):
            value = value.batch
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
