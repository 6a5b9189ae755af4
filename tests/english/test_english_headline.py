"""title_en never glosses: no brackets and no Han characters in any headline of the seeds and the dev
suite; a headline that does not render is empty with its reason in quality.warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_UNCLEAN = re.compile(r"[\[\]【】\u3400-\u9fff]")


def _headlines(paths: list[Path]) -> list[tuple[str, str | None, str | None, list[str]]]:
    from summarize.api import summarize_file

    out = []
    for path in paths:
        report = summarize_file(str(path), engine="rules")
        out.append((path.name, report.facts.title, report.english.title_en, report.quality.warnings))
    return out


def _check(found: list[tuple[str, str | None, str | None, list[str]]]) -> None:
    for name, title, title_en, warnings in found:
        if title is None:
            assert title_en is None, name
            continue
        assert isinstance(title_en, str), name  # a headline always gets a string, "" when nothing renders
        assert not _UNCLEAN.search(title_en), (name, title_en)
        if not title_en:
            assert any(w.startswith("title_en empty") for w in warnings), name


def test_seed_headlines_have_no_brackets_or_han():
    found = _headlines(sorted(SEEDS.glob("*.txt")))
    _check(found)
    assert sum(bool(t) for _, _, t, _ in found) >= 4  # the four seeds with a headline say something


@pytest.mark.slow
def test_dev_headlines_have_no_brackets_or_han(dev_suite):
    found = _headlines(sorted((dev_suite / "reports").glob("*.txt")))
    _check(found)
    with_title = [t for _, title, t, _ in found if title]
    assert sum(bool(t) for t in with_title) >= 0.9 * len(with_title)  # composed, not emptied, where it can
