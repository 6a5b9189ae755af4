"""Device and dtype choice: automatic by default, explicit choices checked against what exists."""

from __future__ import annotations

import pytest

from summarize.errors import ModelError
from summarize.model.device import choose_device, choose_dtype, resolve


@pytest.mark.parametrize(("available", "expected"), [
    ({"cpu"}, "cpu"), ({"cpu", "mps"}, "mps"), ({"cpu", "cuda"}, "cuda"), ({"cpu", "cuda", "mps"}, "cuda")])
def test_auto_prefers_cuda_then_mps_then_cpu(available, expected):
    assert choose_device("auto", available) == expected


def test_explicit_device_must_exist():
    assert choose_device("cpu", {"cpu"}) == "cpu"
    with pytest.raises(ModelError, match="'cuda' is not available here"):
        choose_device("cuda", {"cpu"})
    with pytest.raises(ModelError, match="unknown device"):
        choose_device("tpu", {"cpu"})


@pytest.mark.parametrize(("device", "bf16", "expected"), [
    ("cpu", False, "float32"), ("cuda", True, "bfloat16"), ("cuda", False, "float16"), ("mps", False, "float16")])
def test_auto_dtype(device, bf16, expected):
    assert choose_dtype("auto", device, bf16) == expected


def test_explicit_dtype_and_refusals():
    assert choose_dtype("bfloat16", "cpu") == "bfloat16"
    with pytest.raises(ModelError, match="float16 is not supported"):
        choose_dtype("float16", "cpu")
    with pytest.raises(ModelError, match="unknown dtype"):
        choose_dtype("int4", "cuda")


def test_resolve_on_this_machine_matches_torch():
    torch = pytest.importorskip("torch")

    device, dtype = resolve("auto", "auto")
    if torch.cuda.is_available():
        assert device == "cuda"
    else:
        assert device in ("cpu", "mps")
    assert dtype == ("float32" if device == "cpu" else dtype)
    assert resolve("cpu", "auto") == ("cpu", "float32")
