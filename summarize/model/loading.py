"""Find a model on disk (offline first), or download it when the user asks.

``resolve_model`` never touches the network and never imports torch: it looks at a local directory, or at
the Hugging Face cache (HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub). Only
``pull_model`` downloads, and only when the user asks for it. Loading a resolved directory is
``summarize.model.generate.load_runner``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError
from .defaults import CT2_WEIGHT_FILE, TASK_FLAG, TASK_SETTING, WEIGHT_FILES


@dataclass
class Resolution:
    """Where a configured model name points, and what is there."""

    name: str  # as configured: a repo id or a directory
    path: Path | None  # the directory holding config/tokenizer (and weights, when present)
    source: str  # "directory", "hf-cache" or "missing"
    looked_in: list[str] = field(default_factory=list)
    weights: str | None = None  # the weight file found, or None
    ct2: bool = False  # the directory is a converted CTranslate2 model

    @property
    def has_weights(self) -> bool:
        return self.weights is not None


def hf_cache_dir() -> Path:
    """The hub cache, honouring the same environment variables as huggingface_hub."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "huggingface" / "hub"


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _weights_in(path: Path) -> tuple[str | None, bool]:
    for name in WEIGHT_FILES:
        if (path / name).is_file():
            return name, False
    if (path / CT2_WEIGHT_FILE).is_file() and (path / "config.json").is_file():
        return CT2_WEIGHT_FILE, True
    return None, False


def _cached_snapshot(repo_id: str, cache: Path) -> Path | None:
    repo_dir = cache / ("models--" + repo_id.replace("/", "--"))
    ref = repo_dir / "refs" / "main"
    if ref.is_file():
        snap = repo_dir / "snapshots" / ref.read_text().strip()
        if snap.is_dir():
            return snap
    snaps = sorted((repo_dir / "snapshots").glob("*"), key=lambda p: p.stat().st_mtime) if repo_dir.is_dir() else []
    return snaps[-1] if snaps else None


def resolve_model(name: str) -> Resolution:
    """Locate ``name`` (a directory, or a repo id in the HF cache) without downloading anything."""
    as_path = Path(name).expanduser()
    if as_path.is_dir():
        weights, ct2 = _weights_in(as_path)
        return Resolution(name, as_path.resolve(), "directory", [str(as_path.resolve())], weights, ct2)
    if name.startswith((".", "/", "~")) or name.count("/") > 1:
        return Resolution(name, None, "missing", [str(as_path)])
    cache = hf_cache_dir()
    snap = _cached_snapshot(name, cache)
    looked = [str(cache / ("models--" + name.replace("/", "--")))]  # (a relative directory was checked first)
    if snap is None:
        return Resolution(name, None, "missing", looked)
    weights, ct2 = _weights_in(snap)
    return Resolution(name, snap, "hf-cache", looked, weights, ct2)


def describe_missing(task: str, res: Resolution) -> str:
    """Which model and where we looked: "translate model 'X': not found (looked in: A; B)"."""
    if res.path is not None and not res.has_weights:
        problem = f"found {res.path} but it holds no weights ({', '.join(WEIGHT_FILES)} or a CTranslate2 model.bin)"
    else:
        problem = f"not found (looked in: {'; '.join(res.looked_in) or 'nowhere'})"
    return f"{task} model {res.name!r}: {problem}"


def how_to_get(tasks: list[str], names: list[str]) -> str:
    flags = " / ".join(TASK_FLAG[t] for t in tasks)
    envs = " / ".join(f"SUMMARIZE_{TASK_SETTING[t].upper()}" for t in tasks)
    pulls = " or ".join(f"'summarize models pull {n}'" for n in names)
    return (f"Download it with {pulls} on a machine with internet access, or point {flags} (or {envs}) at a "
            f"local directory holding config.json, the tokenizer files and the weights")


def missing_message(task: str, res: Resolution) -> str:
    """A message that says which model, where we looked, and how to get it."""
    return f"{describe_missing(task, res)}. {how_to_get([task], [res.name])}"


def pull_model(name: str) -> Path:
    """Download ``name`` into the HF cache (the one network operation in the tool)."""
    if Path(name).expanduser().is_dir():
        raise ModelError(f"{name!r} is a local directory; there is nothing to pull")
    if hub_offline():
        raise ModelError(f"cannot pull {name!r}: HF_HUB_OFFLINE is set; unset it to allow downloads")
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # huggingface_hub comes with the summarize[model] extra
        from .stack import INSTALL_HINT

        raise ModelError(f"cannot pull models: the huggingface_hub package is not installed; {INSTALL_HINT}") from None
    try:
        path = snapshot_download(name, cache_dir=str(hf_cache_dir()), etag_timeout=15)
    except Exception as err:  # network errors come in many classes; all mean the same to the user
        reason = f"{type(err).__name__}: {err}".splitlines()[0][:300]
        raise ModelError(f"could not download {name!r} from the Hugging Face Hub ({reason}). Check the name and "
                         f"your internet access, or copy the model directory here and point the "
                         f"--*-model options at it") from None
    return Path(path)
