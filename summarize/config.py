"""Effective settings: defaults < user config file < ./summarize.toml < SUMMARIZE_* env < flags.

Every value remembers where it came from, so ``summarize config`` can show it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import UsageError

CONFIG_FILENAME = "summarize.toml"


@dataclass
class Settings:
    engine: str = "rules"  # rules | model | auto
    keep_script: bool = False  # keep Traditional characters instead of converting
    max_bytes: int = 5_000_000  # refuse larger inputs
    glossary: list[str] = field(default_factory=list)  # extra user glossary TSV files
    phrasebook: list[str] = field(default_factory=list)  # extra user phrasebook TSV files (docs/english.md)
    translate: bool = False  # add a full sentence-aligned translation
    strict: bool = False  # an unsupported model output is an error
    # Model engine (see summarize.model.defaults for the default model names).
    translate_model: str | None = None
    summarize_model: str | None = None
    instruct_model: str | None = None
    prompt_dir: str | None = None
    device: str = "auto"  # auto | cpu | cuda | mps
    dtype: str = "auto"  # auto | float32 | float16 | bfloat16
    num_beams: int = 4
    max_new_tokens: int = 256
    batch_size: int = 8
    backend: str = "transformers"  # transformers | ctranslate2
    # Batch
    jobs: int = 0  # 0 = CPU count
    # Batch on Ray (docs/scale.md): None or "off" = local processes; "local" = a Ray runtime started on this
    # machine; "auto", "HOST:PORT" or "ray://HOST:PORT" = an existing Ray cluster.
    ray: str | None = None
    sources: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def get_with_source(self) -> list[tuple[str, Any, str]]:
        return [
            (f.name, getattr(self, f.name), self.sources.get(f.name, "default"))
            for f in fields(self)
            if f.name != "sources"
        ]

    def model_settings_key(self) -> dict[str, Any]:
        """The settings that change a result: batch resumption compares these."""
        keys = ("engine", "keep_script", "translate", "translate_model", "summarize_model",
                "instruct_model", "prompt_dir", "num_beams", "max_new_tokens")
        key: dict[str, Any] = {k: getattr(self, k) for k in keys}
        # A user glossary edited in place changes the English: its content counts, not just its path.
        key["glossary"] = [[path, _file_digest(path)] for path in self.glossary]
        key["phrasebook"] = [[path, _file_digest(path)] for path in self.phrasebook]
        return key


def _file_digest(path: str) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _coerce(name: str, value: Any, origin: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}.get(name)
    if kind is None:
        raise UsageError(f"unknown setting {name!r}", path=origin)
    try:
        if kind == "bool":
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(value)
            return bool(value)
        if kind == "int":
            return int(value)
        if kind == "list[str]":
            if isinstance(value, str):
                return [v for v in value.split(os.pathsep) if v]
            return [str(v) for v in value]
        return None if value is None else str(value)
    except (TypeError, ValueError):
        raise UsageError(f"setting {name!r} has an invalid value {value!r}", path=origin) from None


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
    return Path(base) / "summarize" / CONFIG_FILENAME


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"not valid TOML: {err}", path=str(path)) from None
    except UnicodeDecodeError as err:
        raise UsageError(f"not UTF-8 (invalid byte at offset {err.start}); TOML files are UTF-8",
                         path=str(path)) from None
    except OSError as err:
        raise UsageError(f"cannot read config: {err.strerror or err}", path=str(path)) from None
    # Accept both a flat file and one with a [summarize] table.
    return data.get("summarize", data)


def load_settings(flags: dict[str, Any] | None = None, cwd: Path | None = None,
                  env: dict[str, str] | None = None) -> Settings:
    settings = Settings()
    env = os.environ if env is None else env
    layers: list[tuple[str, dict[str, Any]]] = []
    explicit = env.get("SUMMARIZE_CONFIG")
    candidates = [Path(explicit)] if explicit else [user_config_path(), (cwd or Path.cwd()) / CONFIG_FILENAME]
    for path in candidates:
        try:
            present = path.is_file()
        except OSError as err:  # a folder on the way we may not read
            raise UsageError(f"cannot read config: {err.strerror or err}", path=str(path)) from None
        if present:
            layers.append((str(path), _read_toml(path)))
        elif explicit:
            raise UsageError("config file not found", path=str(path))
    env_layer = {
        f.name: env[f"SUMMARIZE_{f.name.upper()}"]
        for f in fields(Settings)
        if f"SUMMARIZE_{f.name.upper()}" in env
    }
    layers.append(("env", env_layer))
    layers.append(("flag", {k: v for k, v in (flags or {}).items() if v is not None}))
    for origin, values in layers:
        for name, value in values.items():
            setattr(settings, name, _coerce(name, value, origin))
            settings.sources[name] = f"env SUMMARIZE_{name.upper()}" if origin == "env" else origin
    if settings.engine not in ("rules", "model", "auto"):
        raise UsageError(f"engine must be rules, model or auto, not {settings.engine!r}",
                         path=settings.sources.get("engine"))
    for name in ("max_bytes", "jobs"):  # a count or a size: never negative (0 jobs = one per CPU)
        value = getattr(settings, name)
        if value < 0 or (name == "max_bytes" and value == 0):
            origin = settings.sources.get(name)
            raise UsageError(f"setting {name!r} must be a positive number, not {value}",
                             path=f"--{name.replace('_', '-')}" if origin == "flag" else origin)
    return settings
