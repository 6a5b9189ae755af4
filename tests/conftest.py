"""Shared fixtures: the seed reports and their reference notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from seeds_util import SEEDS, reference_for


@pytest.fixture(params=SEEDS, ids=lambda p: p.stem[:3])
def seed(request) -> Path:
    return request.param


@pytest.fixture
def reference(seed: Path) -> dict:
    return reference_for(seed)


@pytest.fixture(scope="session")
def dev_suite() -> Path:
    """The 50-report dev suite (read from ../shared/dev, never copied here); skipped where absent."""
    from summarize.evaluation.suites import dev_suite_dir

    found = dev_suite_dir()
    if found is None:
        pytest.skip("the dev suite (../shared/dev or $SUMMARIZE_DEV_SUITE) is not on this machine")
    return found
