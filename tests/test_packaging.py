"""The wheel ships every subpackage, the data files and the prompt templates."""

from __future__ import annotations

import tomllib

from seeds_util import REPO
from setuptools import find_packages


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = set(find_packages(str(REPO), include=["summarize*"])) | {"summarize.prompts"}
    assert found == listed


def test_prompt_templates_and_data_are_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    assert "*.txt" in data["summarize.prompts"]
    assert list((REPO / "prompts").glob("*.txt"))
    for folder in {p.parent for p in (REPO / "summarize").rglob("data/*") if p.is_file()}:
        rel = folder.relative_to(REPO / "summarize").as_posix()
        assert any(pattern.startswith(rel) or pattern.startswith(rel.split("/")[0] + "/**")
                   for pattern in data["summarize"]), rel
