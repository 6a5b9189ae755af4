"""summarize eval: score engines and baselines against reference notes."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..errors import EXIT_FAILED, EXIT_OK
from .common import add_engine_options, settings_from_args

if TYPE_CHECKING:
    from rich.console import Console

    from ..evaluation.runner import EvalResult

EXAMPLES = """\
  summarize eval                                  # built-in suite: seeds/ + eval/references/
  summarize eval --suite dev                      # the 50-report dev suite ($SUMMARIZE_DEV_SUITE or ../shared/dev)
  summarize eval --suite my_suite                 # my_suite/reports/*.txt + my_suite/references/*.json
  summarize eval --reports pages/ --references notes/
  summarize eval --json eval.json --markdown eval.md
  summarize eval --markdown - > eval.md           # - writes to standard output instead of the table
  summarize eval --compare old_eval.json          # deltas per metric against an earlier --json
  summarize eval --fail-under fields.mean=0.9 --fail-under summary_zh.rougeL=0.5
  summarize eval --fail-under lead:summary_zh.rougeL=0.1 --fail-over faithfulness.unsupported_share=0
  summarize eval --suite dev --baseline lead --beat lead:summary_zh.rougeL=0.05   # beat lead-150 by 0.05
  summarize eval --engine auto                    # rules and, where its weights exist, the model engine
  summarize eval --baseline lead                  # only the lead baseline (--no-baselines: none)
  summarize eval --clauses dev --fail-under clauses.coverage=0.2 --fail-over clauses.flagged=0

suite layout: DIR/reports/<stem>.<ext> (raw reports) and DIR/references/<stem>.json (notes in the
format of eval/references/README.md; every key optional). Metric names: docs/eval.md.
thresholds: METRIC=VALUE applies to the first engine column; SYSTEM:METRIC=VALUE to a named column.
exit status: 0 ok, 1 a threshold failed, 2 bad options or a malformed reference note."""

ENGINE_CHOICE = {"rules": ("rules",), "model": ("model",), "auto": ("rules", "model")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    suite = parser.add_argument_group("suite")
    suite.add_argument("--suite", metavar="DIR", help="a folder holding reports/ and references/, or a named suite: seeds, dev")
    suite.add_argument("--reports", metavar="DIR", help="folder of raw reports (with --references)")
    suite.add_argument("--references", metavar="DIR", help="folder of <stem>.json reference notes")
    suite.add_argument("--clauses", metavar="FILE", help="score the clause renderer on a clauses TSV (id, report, zh, en) "
                                                      "instead of a suite; 'dev' names the dev suite's clauses.tsv")
    add_engine_options(parser)
    parser.set_defaults(engine=None)
    columns = parser.add_argument_group("baselines")
    columns.add_argument("--baseline", action="append", choices=("lead", "textrank", "names_zh"),
                         help="run only these baselines (repeatable; default: all)")
    columns.add_argument("--no-baselines", action="store_true", help="score the engines only")
    out = parser.add_argument_group("output")
    out.add_argument("--json", metavar="FILE", help="write everything (scores, per report, outputs) as JSON "
                                                    "(- for standard output, instead of the table)")
    out.add_argument("--markdown", metavar="FILE", help="write a Markdown report (- for standard output)")
    out.add_argument("--compare", metavar="OLD_JSON", help="print the change of every metric since an earlier --json")
    out.add_argument("--per-report", action="store_true", help="also print each report's scores")
    out.add_argument("-q", "--quiet", action="store_true", help="print nothing but threshold failures and errors")
    gate = parser.add_argument_group("thresholds")
    gate.add_argument("--fail-under", action="append", default=[], metavar="[SYSTEM:]METRIC=VALUE",
                      help="exit 1 when METRIC is below VALUE (repeatable)")
    gate.add_argument("--fail-over", action="append", default=[], metavar="[SYSTEM:]METRIC=VALUE",
                      help="exit 1 when METRIC is above VALUE, for lower-is-better metrics (repeatable)")
    gate.add_argument("--beat", action="append", default=[], metavar="BASELINE:METRIC=MARGIN",
                      help="exit 1 unless the engine's METRIC exceeds the BASELINE column's, scored in the same "
                           "run, by at least MARGIN (repeatable), e.g. lead:summary_zh.rougeL=0.05")


def run(args: argparse.Namespace) -> int:
    from ..evaluation import report as present
    from ..evaluation.runner import evaluate_suite
    from ..evaluation.suites import resolve_suite_name
    from ..io import atomic_write_text

    for spec in [*args.fail_under, *args.fail_over, *args.beat]:
        present.parse_threshold(spec)  # a typo fails before the (slow) run, not after
    old = present.load_result(args.compare) if args.compare else None
    settings = settings_from_args(args)
    if args.clauses:
        return _run_clauses(args, settings)
    engines = ENGINE_CHOICE[args.engine or "rules"]
    baselines = [] if args.no_baselines else args.baseline
    suite_dir = resolve_suite_name(args.suite) if args.suite else None
    result = evaluate_suite(args.reports, args.references, engines=engines, baselines=baselines,
                            settings=settings, suite_dir=suite_dir)
    to_stdout = False
    for path, text in ((args.json, present.to_json(result) + "\n"), (args.markdown, present.to_markdown(result))):
        if path == "-":
            sys.stdout.write(text)
            to_stdout = True
        elif path:
            atomic_write_text(path, text)
    if not args.quiet and not to_stdout:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 160)
        present.render_table(result, console)
        if args.per_report:
            _print_per_report(result, console)
        if old is not None:
            present.render_compare(old, result, console)
    failures = present.check_thresholds(result, args.fail_under, args.fail_over)
    failures += present.check_margins(result, args.beat)
    for failure in failures:
        print(f"summarize eval: threshold failed: {failure}", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _run_clauses(args: argparse.Namespace, settings: object) -> int:
    """--clauses FILE: coverage, chrF on the rendered clauses and flagged renderings (docs/english.md)."""
    import json

    from ..errors import UsageError
    from ..evaluation.clauses import METRICS as CLAUSE_METRICS
    from ..evaluation.clauses import run_clauses
    from ..evaluation.report import parse_threshold
    from ..evaluation.suites import dev_clauses_path

    for spec in [*args.fail_under, *args.fail_over]:
        if parse_threshold(spec)[1] not in CLAUSE_METRICS:  # a typo is a usage error, before the run
            raise UsageError(f"threshold {spec!r}: unknown clause metric; use one of {', '.join(CLAUSE_METRICS)}")
    path = dev_clauses_path() if args.clauses == "dev" else args.clauses
    if path is None:
        raise UsageError("the dev suite's clauses.tsv was not found: set SUMMARIZE_DEV_SUITE or put it at ../shared/dev")
    scores = run_clauses(path, settings)
    aggregate = scores.aggregate()
    if args.json:
        text = json.dumps({"aggregate": aggregate, "flagged": scores.flagged, "outputs": scores.outputs},
                          ensure_ascii=False, indent=1) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            from ..io import atomic_write_text

            atomic_write_text(args.json, text)
    if not args.quiet and args.json != "-":
        for name, value in aggregate.items():
            print(f"{name}\t{value:.4f}" if value < 2 else f"{name}\t{value:.0f}")
    failures = []
    for specs, below in ((args.fail_under, True), (args.fail_over, False)):
        for spec in specs:
            _, metric, limit = parse_threshold(spec)
            value = aggregate.get(metric)
            if value is None:
                failures.append(f"{metric} was not scored (threshold {limit})")
            elif (value < limit) if below else (value > limit):
                failures.append(f"{metric} = {value:.4f} is {'below' if below else 'above'} the threshold {limit}")
    for failure in failures:
        print(f"summarize eval: threshold failed: {failure}", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _print_per_report(result: EvalResult, console: Console) -> None:
    from rich.table import Table

    from ..evaluation.report import fmt

    for system in result.systems:
        ids = list(result.per_report[system])
        table = Table(title=f"{system}: per report", title_justify="left")
        table.add_column("metric")
        for report_id in ids:
            table.add_column(report_id, justify="right")
        names = [n for n in result.metric_names() if any(n in s for s in result.per_report[system].values())]
        for name in names:
            table.add_row(name, *[fmt(name, result.per_report[system][i].get(name)) for i in ids])
        console.print(table)
