"""Is the model stack (the ``summarize[model]`` extra) installed? Checked without importing it.

torch and transformers are about a gigabyte, and the default rules engine never needs them, so they are an
optional extra; every entry point into the model engine asks here first and says what to install.
"""

from __future__ import annotations

import importlib.util

from ..errors import ModelError

INSTALL_HINT = ('install the model stack with: pip install "summarize[model]" (for the CPU-only build of '
                "PyTorch, install torch first from PyTorch's CPU wheel index; see README.md)")
BACKEND_PACKAGES = {
    "transformers": ("torch", "transformers", "sentencepiece"),
    "ctranslate2": ("ctranslate2", "transformers", "sentencepiece"),  # transformers for the tokenizer
}


def is_installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # a blocked or half-removed package counts as missing
        return False


def missing_packages(backend: str = "transformers") -> list[str]:
    return [p for p in BACKEND_PACKAGES.get(backend, BACKEND_PACKAGES["transformers"]) if not is_installed(p)]


def require_model_stack(backend: str = "transformers") -> None:
    """Raise ModelError naming the missing packages and the extra to install."""
    missing = missing_packages(backend)
    if missing:
        extra = 'pip install "summarize[fast]"; ' if "ctranslate2" in missing else ""
        raise ModelError(f"the model engine needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
                         f"not installed; {extra}{INSTALL_HINT}")
