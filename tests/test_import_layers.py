"""Import layering (issue 14): stages reach each other only through shared layers.

Walks every module of summarize/ with ast, resolving relative imports (module-level and inside functions):
english imports neither extract nor pipeline; extract does not import english; only the model stage, the
commands and evaluation import summarize.model.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import summarize

PACKAGE = Path(summarize.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache  # one walk of the package serves every test (each used to parse every module again)
def _imports() -> dict[str, set[str]]:
    """module -> every summarize.* module it imports (``from .x import y`` counts as x and x.y)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets.add(module)
                targets.update(f"{module}.{alias.name}" for alias in node.names)
        found[name] = {t for t in targets if t == "summarize" or t.startswith("summarize.")}
    return found


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _violations(importer: str, forbidden: str) -> list[str]:
    return sorted(f"{source} imports {target}" for source, targets in _imports().items() if _in(source, importer)
                  for target in targets if _in(target, forbidden))


def test_the_walk_sees_relative_imports():
    imports = _imports()
    assert "summarize.extract.places" in imports["summarize.extract"]
    assert "summarize.compose.zh" in imports["summarize.extract"]  # from ..compose.zh import compose_summary


def test_english_uses_shared_layers_only():
    assert _violations("summarize.english", "summarize.extract") == []
    assert _violations("summarize.english", "summarize.pipeline") == []


def test_extract_does_not_import_english():
    assert _violations("summarize.extract", "summarize.english") == []


def test_only_the_model_stage_commands_and_evaluation_import_model():
    # The model stage registers itself from summarize.model.engine; the pipeline names it, never imports it.
    allowed = ("summarize.model", "summarize.commands", "summarize.evaluation")
    outside = [v for v in _violations("summarize", "summarize.model") if not any(_in(v.split()[0], a) for a in allowed)]
    assert outside == []
