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
