"""Presenting an EvalResult: rich table, Markdown, JSON, comparison with an earlier run, thresholds."""

from __future__ import annotations

import json
from typing import Any

from ..errors import UsageError
from .metrics import METRICS, Metric
from .runner import EvalResult

DASH = "-"


def _metric(name: str) -> Metric:
    if name in METRICS:
        return METRICS[name]
    return Metric(name, name, higher_is_better=not name.startswith("cost.ms"), kind="ms" if "ms" in name else "share")


def fmt(name: str, value: float | None) -> str:
    if value is None:
        return DASH
    kind = _metric(name).kind
    if kind in ("ms", "rate", "mb"):
        return f"{value:.1f}"
    if kind == "count":
        return f"{value:.2f}"
    return f"{value:.3f}"


def _best(result: EvalResult, name: str) -> set[str]:
    values = {s: result.aggregate[s].get(name) for s in result.systems}
    values = {s: v for s, v in values.items() if v is not None}
    if len(values) < 2 or name.startswith("cost.") or _metric(name).higher_is_better is None:
        return set()
    best = (max if _metric(name).higher_is_better else min)(values.values())
    return {s for s, v in values.items() if v == best}


def rows(result: EvalResult) -> list[tuple[str, list[str], set[str]]]:
    return [(name, [fmt(name, result.aggregate[s].get(name)) for s in result.systems], _best(result, name))
            for name in result.metric_names()]


def headers(result: EvalResult) -> list[str]:
    return [f"{s} ({result.kinds[s]})" for s in result.systems]


def render_table(result: EvalResult, console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    n = len(result.suite.get("reports", []))
    table = Table(title=f"summarize eval: suite {result.suite.get('name')} ({n} reports), "
                        "mean over reports; bold = best", title_justify="left")
    table.add_column("metric")
    for head in headers(result):
        table.add_column(head, justify="right")
    group = None
    for name, values, best in rows(result):
        if group is not None and name.split(".")[0] != group:
            table.add_section()
        group = name.split(".")[0]
        table.add_row(name, *[f"[bold]{v}[/bold]" if s in best else v for s, v in zip(result.systems, values,
                                                                                      strict=True)])
    console.print(table)
    if result.stage_ms:
        stages = Table(title="ms per report per stage", title_justify="left")
        names = list(dict.fromkeys(s for t in result.stage_ms.values() for s in t))
        stages.add_column("engine")
        for s in names:
            stages.add_column(s, justify="right")
        for engine, timings in result.stage_ms.items():
            stages.add_row(engine, *[f"{timings.get(s, 0.0):.2f}" for s in names])
        console.print(stages)
    console.print(f"faithfulness judged by: {result.verifier}")
    for note in result.notes:
        console.print(f"note: {note}")


def to_markdown(result: EvalResult) -> str:
    n = len(result.suite.get("reports", []))
    lines = [f"# summarize eval: suite `{result.suite.get('name')}`", "",
             f"{n} reports from `{result.suite.get('reports_dir')}`, references from "
             f"`{result.suite.get('references_dir')}`; summarize {result.version}. Scores are means over "
             "reports; **bold** is the best column. Metric definitions: docs/eval.md.", "",
             "| metric | " + " | ".join(headers(result)) + " |",
             "| --- |" + " ---: |" * len(result.systems)]
    for name, values, best in rows(result):
        cells = [f"**{v}**" if s in best else v for s, v in zip(result.systems, values, strict=True)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if result.stage_ms:
        names = list(dict.fromkeys(s for t in result.stage_ms.values() for s in t))
        lines += ["", "ms per report per stage:", "", "| engine | " + " | ".join(names) + " |",
                  "| --- |" + " ---: |" * len(names)]
        for engine, timings in result.stage_ms.items():
            lines.append(f"| {engine} | " + " | ".join(f"{timings.get(s, 0.0):.2f}" for s in names) + " |")
    lines += ["", f"Faithfulness judged by: {result.verifier}."]
    lines += [f"- note: {note}" for note in result.notes]
    return "\n".join(lines) + "\n"


def to_json(result: EvalResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def load_result(path: str) -> EvalResult:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise UsageError("file not found", path=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise UsageError(f"not an eval JSON result: {err}", path=path) from None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith("summarize-eval/"):
        raise UsageError("not a 'summarize eval --json' result (no format: summarize-eval/...)", path=path)
    return EvalResult.from_dict(data)


def compare(old: EvalResult, new: EvalResult) -> list[tuple[str, str, float | None, float | None, float | None, str]]:
    """(system, metric, old, new, delta, verdict) for every metric either run has; verdict is
    better / worse / same / changed (no better direction) / "" (not comparable)."""
    out = []
    for system in [s for s in new.systems if s in old.systems]:
        names = list(dict.fromkeys([*new.aggregate[system], *old.aggregate[system]]))
        for name in names:
            a, b = old.aggregate[system].get(name), new.aggregate[system].get(name)
            if a is None or b is None:
                out.append((system, name, a, b, None, ""))
                continue
            delta = b - a
            if abs(delta) < 1e-9:
                verdict = "same"
            elif _metric(name).higher_is_better is None:
                verdict = "changed"
            else:
                verdict = "better" if (delta > 0) == _metric(name).higher_is_better else "worse"
            out.append((system, name, a, b, delta, verdict))
    return out


def render_compare(old: EvalResult, new: EvalResult, console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title="change since the earlier run (new - old)", title_justify="left")
    for head, justify in (("system", "left"), ("metric", "left"), ("old", "right"), ("new", "right"),
                          ("delta", "right"), ("", "left")):
        table.add_column(head, justify=justify)  # type: ignore[arg-type]
    style = {"better": "green", "worse": "red"}
    for system, name, a, b, delta, verdict in compare(old, new):
        shown = DASH if delta is None else f"{delta:+.3f}"
        mark = f"[{style[verdict]}]{verdict}[/{style[verdict]}]" if verdict in style else verdict
        table.add_row(system, name, fmt(name, a), fmt(name, b), shown, mark)
    console.print(table)


def parse_threshold(spec: str) -> tuple[str | None, str, float]:
    """'metric=value' or 'system:metric=value' -> (system or None, metric, value)."""
    left, sep, value = spec.partition("=")
    system, _, metric = left.rpartition(":")
    if not sep or not metric:
        raise UsageError(f"threshold {spec!r}: expected METRIC=VALUE or SYSTEM:METRIC=VALUE")
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"threshold {spec!r}: {value!r} is not a number") from None
    return (system or None), metric.strip(), number


def check_margins(result: EvalResult, specs: list[str]) -> list[str]:
    """Failures for --beat BASELINE:METRIC=MARGIN: the first engine column must exceed the baseline's score
    of the same run by at least MARGIN."""
    failures = []
    engine = next((s for s in result.systems if result.kinds[s] == "engine"), None)
    for spec in specs:
        baseline, metric, margin = parse_threshold(spec)
        if baseline is None:
            raise UsageError(f"--beat {spec!r}: expected BASELINE:METRIC=MARGIN")
        if metric not in METRICS:
            raise UsageError(f"--beat {spec!r}: unknown metric {metric!r} (see docs/eval.md)")
        ours = result.aggregate.get(engine, {}).get(metric) if engine else None
        theirs = result.aggregate.get(baseline, {}).get(metric)
        if ours is None or theirs is None:
            failures.append(f"--beat {spec}: {metric} was not scored for {engine if ours is None else baseline}")
        elif ours - theirs < margin:
            failures.append(f"{engine}:{metric} = {ours:.4f} beats {baseline} ({theirs:.4f}) by "
                            f"{ours - theirs:+.4f}, less than {margin}")
    return failures


def check_thresholds(result: EvalResult, under: list[str], over: list[str] | None = None) -> list[str]:
    """Failures (as messages) for --fail-under (score below) and --fail-over (score above) specs.
    Without SYSTEM: the first engine column."""
    failures = []
    default = next((s for s in result.systems if result.kinds[s] == "engine"), None)
    for specs, below in ((under, True), (over or [], False)):
        for spec in specs:
            system, metric, limit = parse_threshold(spec)
            system = system or default
            if system is None:
                failures.append(f"{spec}: no engine column in this run")
                continue
            if system not in result.aggregate:
                failures.append(f"{spec}: no column {system!r} in this run")
                continue
            if metric not in METRICS and metric not in result.aggregate[system]:
                raise UsageError(f"threshold {spec!r}: unknown metric {metric!r} (see docs/eval.md)")
            value = result.aggregate[system].get(metric)
            if value is None:
                failures.append(f"{system}:{metric} was not scored (threshold {limit})")
            elif (value < limit) if below else (value > limit):
                relation = "below" if below else "above"
                failures.append(f"{system}:{metric} = {value:.4f} is {relation} the threshold {limit}")
    return failures
