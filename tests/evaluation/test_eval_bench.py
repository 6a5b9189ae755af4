"""Benchmark helpers: growth fitting on known curves, generated inputs, one small real run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from summarize.config import load_settings
from summarize.evaluation import bench
from summarize.evaluation.textnorm import canonical
from summarize.evaluation.variants import lengthened, load_texts, variants
from summarize.pipeline.ingest import ingest_bytes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_fit_growth_recovers_known_exponents():
    sizes = [1000, 2000, 4000, 8000, 16000, 32000]
    linear = bench.fit_growth(sizes, [0.002 * s for s in sizes])
    assert linear["exponent"] == pytest.approx(1.0)
    assert linear["ms_per_kb"] == pytest.approx(2.0)
    assert linear["r2"] == pytest.approx(1.0)
    quadratic = bench.fit_growth(sizes, [1e-6 * s * s for s in sizes])
    assert quadratic["exponent"] == pytest.approx(2.0)
    assert quadratic["r2"] < 0.99


def test_percentile():
    assert bench._percentile(list(range(1, 101)), 0.95) == 95
    assert bench._percentile([3.0], 0.5) == 3.0


def test_variants_are_deterministic_and_decode_to_the_same_report():
    texts = load_texts(SEEDS)
    first, again = variants(texts, 30, seed=7), variants(texts, 30, seed=7)
    assert first == again
    assert {name.rsplit("_", 1)[1] for name, _ in first} >= {"utf-8.txt", "gb18030.txt", "utf-16.txt"}
    settings = load_settings({})
    for name, data in first:
        raw = ingest_bytes(data, name, settings).raw_text
        decoded, seed = canonical(raw), canonical(texts[name.split("_", 1)[1].rsplit("_", 2)[0]])
        if name.endswith("big5.txt"):  # Big5 cannot spell every character: those become "?"
            assert len(decoded) + raw.count("?") >= len(seed) > len(decoded), name
        else:  # the same characters, in another script, order or encoding
            assert Counter(decoded) == Counter(seed), name


def test_lengthened_repeats_the_body_only():
    text = "标题\n\n日期\n\n来源\n\n导航\n\n第一段。\n\n第二段。\n"
    longer = lengthened(text, 3)
    assert longer.count("第一段。") == 3 and longer.count("标题") == 1


def test_throughput_and_scaling_on_the_clean_stages():
    settings = load_settings({})
    stages = bench.stage_names("clean")
    texts = load_texts(SEEDS)
    result = bench.throughput(variants(texts, 3), settings, stages)
    assert result["reports"] == 3 and result["reports_per_s"] > 0
    assert set(result["stage_ms"]) == {"ingest", *stages}
    growth = bench.scaling(texts[sorted(texts)[0]], [1, 2], settings, stages, repeats=1)
    assert [r["factor"] for r in growth["rows"]] == [1, 2]
    assert growth["rows"][1]["bytes"] > growth["rows"][0]["bytes"] * 1.5
    assert "exponent" in growth["fit"]["total"]


def test_cold_start_help_loads_no_model_library():
    result = bench.cold_start(SEEDS / "000_ec1854275bf9a276.txt", runs=1, commands=["--help"])
    assert result["summarize --help"]["median_ms"] > 0
    assert "summarize file SEED" not in result
    assert "torch" not in result["heavy_modules_after_help"]
    assert "transformers" not in result["heavy_modules_after_help"]


def test_peak_memory_of_a_fresh_process():
    result = bench.peak_memory(SEEDS, 3, "clean")
    assert result["reports"] == 3
    assert 0 < result["peak_rss_mb_before_first_report"] <= result["peak_rss_mb_after_first_report"] <= result["peak_rss_mb"]
