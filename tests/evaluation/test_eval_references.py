"""Suites and reference notes: layout, and precise messages for malformed notes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarize.errors import UsageError
from summarize.evaluation.references import load_reference, load_suite, validate_reference

ROOT = Path(__file__).resolve().parents[2]
CRAFTED = Path(__file__).parents[1] / "data" / "eval_crafted"


def test_builtin_suite_is_the_seeds_and_every_note_is_valid():
    suite = load_suite(root=ROOT)
    assert suite.name == "seeds"
    assert [c.id for c in suite.cases] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert all(c.report_path.exists() for c in suite.cases)


def test_suite_folder_layout():
    suite = load_suite(suite_dir=CRAFTED)
    assert [c.id for c in suite.cases] == ["a_meeting", "b_visit"]
    assert suite.cases[1].report_path == CRAFTED / "reports" / "b_visit.txt"


def test_reports_and_references_folders():
    suite = load_suite(CRAFTED / "reports", CRAFTED / "references")
    assert len(suite.cases) == 2


def test_report_without_note_is_listed_not_scored(tmp_path):
    shutil.copytree(CRAFTED, tmp_path / "s")
    (tmp_path / "s" / "reports" / "c_extra.txt").write_text("青山县召开会议。", encoding="utf-8")
    suite = load_suite(suite_dir=tmp_path / "s")
    assert suite.unreferenced == ["c_extra"]
    assert len(suite.cases) == 2


def _problems(data, stem="x"):
    return [(p.key, p.problem) for p in validate_reference(data, Path(f"{stem}.json"), stem)]


def test_well_formed_partial_note_has_no_problem():
    assert _problems({"summary_zh": "青山县召开会议。", "event_date": "05-20", "published": None}) == []


@pytest.mark.parametrize(("data", "key", "words"), [
    ({"event_date": "2024/05/20"}, "event_date", "YYYY-MM-DD, MM-DD or null"),
    ({"published": "05-20"}, "published", "YYYY-MM-DD or null"),
    ({"event_type": "party"}, "event_type", "one of meeting"),
    ({"campaigns": "双过半"}, "campaigns", "a list of strings"),
    ({"key_points": ["a", 3]}, "key_points", "a list of strings"),
    ({"summery_zh": "x"}, "summery_zh", "unknown key"),
    ({"id": "other"}, "id", "does not match the file stem 'x'"),
    ({"officials": [{"name": "李华", "role": "chair"}]}, "officials[0].role", "one of presided"),
    ({"officials": [{"title": "市长", "role": "led"}]}, "officials[0].name", "missing or empty"),
    ({"officials": [{"name": "李华", "role": "led", "age": 50}]}, "officials[0].age", "unknown key"),
    ({"officials": {"name": "李华"}}, "officials", "must be a list"),
])
def test_malformed_note_names_key_and_problem(data, key, words):
    problems = _problems(data)
    assert len(problems) == 1, problems
    assert problems[0][0] == key
    assert words in problems[0][1]


def test_invalid_json_reports_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "title": "x",\n  "event_type": meeting\n}', encoding="utf-8")
    data, problems = load_reference(path)
    assert data is None
    assert problems[0].key == "(file)" and "line 3 column 17" in problems[0].problem


def test_malformed_suite_lists_every_problem_with_file_and_key(tmp_path):
    shutil.copytree(CRAFTED, tmp_path / "s")
    note = tmp_path / "s" / "references" / "b_visit.json"
    data = json.loads(note.read_text(encoding="utf-8"))
    data["event_type"] = "visit"
    data["officials"][1]["role"] = "accompanied"
    note.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "s" / "references" / "z_orphan.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_suite(suite_dir=tmp_path / "s")
    message = str(caught.value)
    assert "3 problem(s)" in message
    assert f"{note}: event_type: must be one of" in message
    assert f"{note}: officials[1].role: must be one of" in message and 'found "accompanied"' in message
    assert "z_orphan.json: (file): no report with stem 'z_orphan'" in message
    assert caught.value.exit_code == 2


def test_missing_folders_and_mixed_options(tmp_path):
    with pytest.raises(UsageError, match="reports folder not found"):
        load_suite(suite_dir=tmp_path)
    with pytest.raises(UsageError, match="go together"):
        load_suite(reports_dir=CRAFTED / "reports")
    with pytest.raises(UsageError, match="either --suite"):
        load_suite(CRAFTED / "reports", CRAFTED / "references", suite_dir=CRAFTED)
