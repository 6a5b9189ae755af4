"""Choose where a model runs and in which dtype.

The decision itself is pure (``choose_device`` / ``choose_dtype`` take what is available as arguments) so it
can be tested without a GPU; ``available_devices`` asks torch.
"""

from __future__ import annotations

from ..errors import ModelError

DEVICES = ("cpu", "cuda", "mps")
DTYPES = ("float32", "float16", "bfloat16")


def available_devices() -> set[str]:
    import torch

    found = {"cpu"}
    if torch.cuda.is_available():
        found.add("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.add("mps")
    return found


def choose_device(requested: str, available: set[str]) -> str:
    """``auto`` prefers cuda, then mps, then cpu; an explicit device must be available."""
    if requested == "auto":
        return next(d for d in ("cuda", "mps", "cpu") if d in available or d == "cpu")
    if requested not in DEVICES:
        raise ModelError(f"unknown device {requested!r}; use auto, cpu, cuda or mps")
    if requested not in available:
        raise ModelError(f"device {requested!r} is not available here (available: {', '.join(sorted(available))})")
    return requested


def choose_dtype(requested: str, device: str, bf16_supported: bool = False) -> str:
    """``auto``: float32 on cpu (half precision is slow and lossy there), bfloat16 on cuda when the GPU
    supports it (same range as float32, so no overflow in long generations), float16 otherwise."""
    if requested == "auto":
        if device == "cpu":
            return "float32"
        if device == "cuda" and bf16_supported:
            return "bfloat16"
        return "float16"
    if requested not in DTYPES:
        raise ModelError(f"unknown dtype {requested!r}; use auto, float32, float16 or bfloat16")
    if device == "cpu" and requested == "float16":
        raise ModelError("float16 is not supported for generation on cpu; use float32 or bfloat16")
    return requested


def resolve(requested_device: str, requested_dtype: str) -> tuple[str, str]:
    """Ask torch what is available and return (device, dtype)."""
    available = available_devices()
    device = choose_device(requested_device, available)
    bf16 = False
    if device == "cuda":
        import torch

        bf16 = bool(torch.cuda.is_bf16_supported())
    return device, choose_dtype(requested_dtype, device, bf16)
