"""Clause metric (``summarize eval --clauses FILE``): how well the renderer turns directive clauses into English.

The file is a TSV with a header ``id  report  zh  en`` (the dev suite's clauses.tsv). Scores:
``clauses.coverage`` (share of clauses rendered), ``clauses.chrf`` (corpus chrF / 100 over the
rendered clauses only), ``clauses.flagged`` (count of rendered clauses holding brackets, Han
characters or a dictionary fallback; the goal is 0) and ``clauses.flagged_share``. Coverage and
chrF are read together: a renderer that skips hard clauses gains chrF and loses coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..text.datafiles import read_tsv
from ..text.han import HAN

COLUMNS = ("id", "report", "zh", "en")
METRICS = ("clauses.coverage", "clauses.chrf", "clauses.flagged", "clauses.flagged_share", "clauses.rendered",
           "clauses.total")


@dataclass(frozen=True)
class ClauseRef:
    id: str
    report: str
    zh: str
    en: str


@dataclass
class ClauseScores:
    total: int
    rendered: int
    chrf: float | None  # corpus chrF / 100 over the rendered clauses
    flagged: list[str] = field(default_factory=list)  # ids of rendered clauses with brackets/Han/fallback
    outputs: dict[str, str | None] = field(default_factory=dict)  # id -> English or None

    @property
    def coverage(self) -> float:
        return self.rendered / self.total if self.total else 0.0

    def aggregate(self) -> dict[str, float]:
        scores = {"clauses.coverage": self.coverage, "clauses.rendered": float(self.rendered),
                  "clauses.total": float(self.total), "clauses.flagged": float(len(self.flagged)),
                  "clauses.flagged_share": len(self.flagged) / self.rendered if self.rendered else 0.0}
        if self.chrf is not None:
            scores["clauses.chrf"] = self.chrf
        return scores


def read_clauses(path: str | Path) -> list[ClauseRef]:
    """Rows of a clauses TSV (all four columns filled); a malformed file is a UsageError naming the file and line."""
    return [ClauseRef(*fields) for _, fields in read_tsv(path, COLUMNS)]


def flagged(en: str, fallback: bool = False) -> bool:
    """A rendering an analyst cannot trust: Chinese left in, a bracketed gap, or a dictionary fallback."""
    return fallback or "[" in en or "]" in en or bool(HAN.search(en))


def default_renderer(settings: object | None = None) -> Callable[[str], tuple[str | None, bool]]:
    """The rules renderer: (English or None, whether a dictionary fallback was used)."""
    from ..english.glossary import load_glossary
    from ..english.grammar import parse_clause
    from ..english.phrasebook import load_phrasebook

    glossary = load_glossary(getattr(settings, "glossary", None) or [])
    phrasebook = load_phrasebook(getattr(settings, "phrasebook", None) or [])

    def render(zh: str) -> tuple[str | None, bool]:
        clause = parse_clause(zh, phrasebook, glossary)
        return (clause.text, clause.fallback) if clause else (None, False)

    return render


def score_clauses(rows: Sequence[ClauseRef],
                  render: Callable[[str], tuple[str | None, bool]] | None = None) -> ClauseScores:
    import sacrebleu  # lazy: only English scoring needs it

    render = render or default_renderer()
    outputs: dict[str, str | None] = {}
    hyps: list[str] = []
    refs: list[str] = []
    bad: list[str] = []
    for row in rows:
        en, fallback = render(row.zh)
        outputs[row.id] = en
        if en is None:
            continue
        hyps.append(en)
        refs.append(row.en)
        if flagged(en, fallback):
            bad.append(row.id)
    chrf = sacrebleu.corpus_chrf(hyps, [refs]).score / 100 if hyps else None
    return ClauseScores(len(rows), len(hyps), chrf, bad, outputs)


def run_clauses(path: str | Path, settings: object | None = None) -> ClauseScores:
    return score_clauses(read_clauses(path), default_renderer(settings))
