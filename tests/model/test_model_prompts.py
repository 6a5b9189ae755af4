"""Prompt templates: listing, variables, filling from facts, --prompt-dir overrides, bad templates."""

from __future__ import annotations

import pytest

from summarize.document import English, Facts, Item, Official, Report
from summarize.errors import UsageError
from summarize.model.prompts import VARIABLES, list_templates, load_template, render, variables_from


def test_packaged_templates_are_listed_with_their_variables():
    templates = {t.name: t for t in list_templates()}
    assert set(templates) >= {"translate", "summarize_zh", "instruct", "instruct_zh"}
    assert templates["translate"].is_identity
    assert {"title", "date", "officials_en", "key_points", "text"} <= set(templates["instruct"].variables)
    assert all(set(t.variables) <= set(VARIABLES) for t in templates.values())
    assert all(t.description and not t.body.startswith("#") for t in templates.values())


def test_instruct_prompt_is_filled_from_the_facts():
    report = Report(text="正文。", facts=Facts(
        title="维西县召开项目工作推进会", event_date="2021-05-31", jurisdiction="维西县",
        officials=[Official("马盛春", "县委书记", "spoke", name_en="Ma Shengchun", title_en="County Party Secretary")],
        key_points=[Item("正视问题"), Item("锁定目标")]), english=English(jurisdiction_en="Weixi County"))
    prompt = render(load_template("instruct"), variables_from(report))
    assert "Title: 维西县召开项目工作推进会" in prompt
    assert "Date: 2021-05-31" in prompt
    assert "Place: 维西县 (Weixi County)" in prompt
    assert "Ma Shengchun, County Party Secretary (spoke)" in prompt
    assert "1. 正视问题\n2. 锁定目标" in prompt
    assert "Report: 正文。" in prompt
    assert "${" not in prompt


def test_prompt_dir_overrides_one_template_and_keeps_the_others(tmp_path):
    (tmp_path / "translate.txt").write_text("# mine\nTranslate to English: ${text}\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("${title}\n", encoding="utf-8")
    templates = {t.name: t for t in list_templates(str(tmp_path))}
    assert templates["translate"].path == tmp_path / "translate.txt"
    assert templates["translate"].body == "Translate to English: ${text}"
    assert not templates["translate"].is_identity
    assert "extra" in templates and "instruct" in templates
    assert load_template("instruct", str(tmp_path)).path.parent != tmp_path


def test_unknown_variable_and_missing_folder_are_usage_errors(tmp_path):
    (tmp_path / "instruct.txt").write_text("Summarise ${titel}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown variables \\['titel'\\]"):
        load_template("instruct", str(tmp_path))
    with pytest.raises(UsageError, match="prompt directory not found"):
        list_templates(str(tmp_path / "nope"))
    with pytest.raises(UsageError, match="no prompt template named 'nope'"):
        load_template("nope")
