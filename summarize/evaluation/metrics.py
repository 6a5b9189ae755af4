"""The quality metrics: one function per group, each comparing one system output with one reference.

``output`` is shaped like ``summarize.output.result.to_result(report)``; a key the system does not
produce is absent (its metrics are then not scored: shown as "-"). ``reference`` is a note
(eval/references/README.md); a reference key that is absent is not scored either. Every score is
in [0, 1] and higher is better, except where METRICS says otherwise. Definitions: docs/eval.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import faithfulness
from .matching import contains_match, exact_match, match_sets
from .rouge import rouge_l, rouge_n
from .textnorm import canonical, en_tokens, item_texts, loose, zh_tokens

Scores = dict[str, float | None]

FIELDS = ("title", "event_date", "published", "jurisdiction", "event_type")


@dataclass(frozen=True)
class Metric:
    name: str
    description: str
    higher_is_better: bool | None = True  # None: neither direction is better (a count of things checked)
    kind: str = "share"  # share (0..1), count, ms, rate, mb


def _m(name: str, description: str, **kw: Any) -> tuple[str, Metric]:
    return name, Metric(name, description, **kw)


METRICS: dict[str, Metric] = dict([
    _m("cleaning.must_drop", "share of must_drop strings absent from the clean text"),
    _m("cleaning.must_keep", "share of must_keep sentences present in the clean text (Simplified, no punctuation)"),
    *[_m(f"fields.{f}", f"{f} exactly right (normalised)") for f in FIELDS],
    _m("fields.mean", "mean of the five field accuracies"),
    _m("officials.name_precision", "share of output names that are reference officials"),
    _m("officials.name_recall", "share of reference officials named in the output"),
    _m("officials.name_f1", "F1 of the two above"),
    _m("officials.title_match", "among matched names: title equal (normalised)"),
    _m("officials.role_accuracy", "among matched names: role equal"),
    _m("officials.name_en_exact", "among matched names: name_en exactly equal"),
    *[_m(f"{g}.{k}", f"{g}: {k} with normalised containment matching")
      for g in ("projects", "campaigns") for k in ("precision", "recall", "f1")],
    *[_m(f"{g}.{k}", f"{g}: character-level {k.replace('rouge', 'ROUGE-')} F")
      for g in ("key_points", "summary_zh") for k in ("rouge1", "rouge2", "rougeL")],
    *[_m(f"{g}.{k}", f"{g}: {label}")
      for g in ("summary_en", "title_en")
      for k, label in (("chrf", "sacrebleu chrF / 100"), ("bleu", "sacrebleu sentence BLEU / 100"),
                       ("rougeL", "word-level ROUGE-L F"))],
    _m("faithfulness.unsupported_share", "share of names, numbers and dates in summary_zh, key_points and "
       "summary_en that the source does not support", higher_is_better=False),
    _m("faithfulness.unsupported", "unsupported names, numbers and dates per report",
       higher_is_better=False, kind="count"),
    _m("faithfulness.checked", "names, numbers and dates checked per report (the share's denominator)",
       higher_is_better=None, kind="count"),
    _m("cost.ms_per_report", "wall milliseconds per report (all stages)", higher_is_better=False, kind="ms"),
    _m("cost.reports_per_s", "reports per second, one process", kind="rate"),
    _m("cost.peak_rss_mb", "peak resident memory of the evaluating process, MiB", higher_is_better=False,
       kind="mb"),
])


def cleaning(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    if "text" not in output:
        return {}
    scores: Scores = {}
    if "must_drop" in reference:
        text = loose(output["text"])
        drop = [s for s in reference["must_drop"] if s]
        scores["cleaning.must_drop"] = (sum(loose(s) not in text for s in drop) / len(drop)) if drop else None
    if "must_keep" in reference:
        text = canonical(output["text"])
        keep = [s for s in reference["must_keep"] if s]
        scores["cleaning.must_keep"] = (sum(canonical(s) in text for s in keep) / len(keep)) if keep else None
    return scores


def _same(field: str, predicted: Any, gold: Any) -> float:
    if gold is None or gold == "":
        return 1.0 if predicted in (None, "") else 0.0
    if field in ("event_date", "published", "event_type"):
        return 1.0 if predicted == gold else 0.0
    if field == "jurisdiction" and predicted:
        from ..extract.places import same_place  # short and official forms of one place are one place

        return 1.0 if same_place(canonical(predicted), canonical(gold)) else 0.0
    return 1.0 if canonical(predicted) == canonical(gold) and canonical(gold) else 0.0


def fields(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    scores: Scores = {}
    for field in FIELDS:
        if field in output and field in reference:
            scores[f"fields.{field}"] = _same(field, output[field], reference[field])
    if len(scores) == len(FIELDS):
        scores["fields.mean"] = sum(scores.values()) / len(FIELDS)  # type: ignore[arg-type]
    return scores


def officials(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    if "officials" not in output or "officials" not in reference:
        return {}
    pred, gold = output["officials"] or [], reference["officials"] or []
    matched = match_sets([o.get("name") or "" for o in pred], [o.get("name") or "" for o in gold], exact_match)
    scores: Scores = {
        "officials.name_precision": matched.precision,
        "officials.name_recall": matched.recall,
        "officials.name_f1": matched.f1,
    }
    pairs = [(pred[i], gold[j]) for i, j in matched.pairs]
    for metric, key, same in _OFFICIAL_CHECKS:
        scored = [(p, g) for p, g in pairs if key in g]  # a note may leave out titles or roles
        scores[metric] = (sum(same(p.get(key), g.get(key)) for p, g in scored) / len(scored)) if scored else None
    return scores


def _same_words(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


# metric, official key, comparison (judged among the officials whose names matched)
_OFFICIAL_CHECKS = (
    ("officials.title_match", "title", lambda a, b: canonical(a) == canonical(b)),
    ("officials.role_accuracy", "role", lambda a, b: a == b),
    ("officials.name_en_exact", "name_en", _same_words),
)


def item_sets(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    scores: Scores = {}
    for group in ("projects", "campaigns"):
        if group in output and group in reference:
            result = match_sets(item_texts(output[group]), item_texts(reference[group]), contains_match)
            scores.update({f"{group}.precision": result.precision, f"{group}.recall": result.recall,
                           f"{group}.f1": result.f1})
    return scores


def _joined(value: Any) -> str:
    return "\n".join(item_texts(value)) if isinstance(value, list) else (value or "")


def rouge_zh(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    scores: Scores = {}
    for group in ("key_points", "summary_zh"):
        if group in output and group in reference:
            cand, ref = zh_tokens(_joined(output[group])), zh_tokens(_joined(reference[group]))
            scores[f"{group}.rouge1"] = rouge_n(cand, ref, 1).f
            scores[f"{group}.rouge2"] = rouge_n(cand, ref, 2).f
            scores[f"{group}.rougeL"] = rouge_l(cand, ref).f
    return scores


def english(output: dict[str, Any], reference: dict[str, Any]) -> Scores:
    import sacrebleu  # lazy: only English scoring needs it

    scores: Scores = {}
    for group in ("summary_en", "title_en"):
        if group not in output or group not in reference:
            continue
        hyp, ref = (output[group] or "").strip(), (reference[group] or "").strip()
        if not ref:
            same = 1.0 if not hyp else 0.0
            scores.update({f"{group}.chrf": same, f"{group}.bleu": same, f"{group}.rougeL": same})
            continue
        scores[f"{group}.chrf"] = sacrebleu.sentence_chrf(hyp, [ref]).score / 100
        scores[f"{group}.bleu"] = sacrebleu.sentence_bleu(hyp, [ref]).score / 100
        scores[f"{group}.rougeL"] = rouge_l(en_tokens(hyp), en_tokens(ref)).f
    return scores


def faithful(output: dict[str, Any], reference: dict[str, Any], report: Any) -> tuple[Scores, list[dict]]:
    """Needs the cleaned report the output came from (the verifier compares with its text)."""
    if report is None:
        return {}, []
    names_zh = list(_names(output, reference, "name"))
    names_en = list(_names(output, reference, "name_en"))
    texts = [(output.get("summary_zh"), "zh", names_zh), (_joined(output.get("key_points")), "zh", names_zh),
             (output.get("summary_en"), "en", names_en)]
    checked = unsupported = 0
    findings: list[dict] = []
    produced = False
    for text, lang, names in texts:
        if text is None:
            continue
        produced = True
        c, u, found = faithfulness.check(text, report, lang, names)
        checked, unsupported = checked + c, unsupported + u
        findings.extend({**f, "lang": lang} for f in found)
    if not produced:
        return {}, []
    return ({"faithfulness.unsupported_share": (unsupported / checked) if checked else 0.0,
             "faithfulness.unsupported": float(unsupported), "faithfulness.checked": float(checked)}, findings)


def _names(output: dict[str, Any], reference: dict[str, Any], key: str) -> Iterable[str]:
    for officials_ in (output.get("officials") or [], reference.get("officials") or []):
        for official in officials_:
            if official.get(key):
                yield official[key]


def score_case(output: dict[str, Any], reference: dict[str, Any], report: Any = None) -> tuple[Scores, dict]:
    """All quality metrics of one output, and details (unsupported findings) for the JSON."""
    scores: Scores = {}
    for group in (cleaning, fields, officials, item_sets, rouge_zh, english):
        scores.update(group(output, reference))
    faith, findings = faithful(output, reference, report)
    scores.update(faith)
    return scores, {"unsupported": findings} if findings else {}
