"""The evaluation harness: suites of reports with reference notes, metrics, baselines, benchmarks.

Entry points: :func:`summarize.evaluation.runner.evaluate_suite` (library), ``summarize eval`` and
``summarize bench`` (CLI). Nothing here imports torch; the model engine is only loaded when asked for.
"""
