"""The clause renderer: whole coverage or nothing, English word order, user phrasebooks."""

from __future__ import annotations

import time

import pytest

from summarize.english import render_clause
from summarize.english.grammar import gerund, parse_clause
from summarize.english.phrasebook import build, load_phrasebook, read_phrasebook_file
from summarize.errors import UsageError


def _book(tmp_path, text: str):
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    return load_phrasebook([path])


def test_a_covered_clause_renders_in_english_order():
    en = render_clause("持续优化营商环境")
    assert en is not None and "business environment" in en
    assert en.index("optimiz" if "optimiz" in en else "improv") < en.index("business environment")


def test_an_uncovered_clause_is_none_never_a_gloss():
    assert render_clause("拓宽群众增收致富的渠道鑫淼") is None
    assert render_clause("") is None


def test_modal_is_dropped_and_subject_kept(tmp_path):
    book = _book(tmp_path, "各部门\tdepartments\tnp\n压实责任\ttighten responsibilities\tvp\n")
    clause = parse_clause("各部门要压实责任", book)
    assert clause is not None and clause.subject == "departments"
    assert clause.predicates == ("tighten responsibilities",)
    assert "must" not in clause.text and "要" not in clause.text


def test_malformed_user_phrasebook_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# ok\n推进\tadvance\tv\n抓\tgrab\tverb\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        read_phrasebook_file(path)
    assert "line 3" in str(err.value) and "bad.tsv" in str(err.value)
    path.write_text("以{X:np}为抓手\twith {Y} as the lever\tframe\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 1"):
        read_phrasebook_file(path)


def test_later_entry_wins():
    from summarize.english.phrasebook import Phrase

    book = build([Phrase("抓", "grab", "v", "", "a:1"), Phrase("抓", "focus on", "v", "", "b:1")])
    assert book.words["抓"]["v"] == "focus on"


def test_gerund():
    assert gerund("attract investors") == "attracting investors"
    assert gerund("set targets") == "setting targets"
    assert gerund("improve quality") == "improving quality"


def test_builtin_phrasebook_loads_without_errors():
    assert len(load_phrasebook()) > 100


def test_long_adversarial_input_stays_fast():
    start = time.perf_counter()
    assert render_clause("力争30天" + "甲乙丙丁" * 500) is None
    many = render_clause(",".join(["推进项目建设"] * 300))  # 300 short segments: each parsed on its own
    assert many is not None and many.startswith("advance project construction, advance project construction")
    assert time.perf_counter() - start < 5  # a generous bound: segments are capped, the work is linear


def test_dictionary_nouns_only_with_one_sense():
    from summarize.english.nouns import single_sense_noun

    assert single_sense_noun("显示屏") == "display screen"  # a noun with one CC-CEDICT sense
    assert single_sense_noun("问题") is None  # several senses: never the first one
    assert single_sense_noun("建设") is None  # a verb of official prose
    assert single_sense_noun("屏") is None  # one character


def test_coverbs_and_disposal_put_the_object_in_english_order(tmp_path):
    book = _book(tmp_path, "项目建设\tproject construction\tnp\n下功夫\tmake efforts\tvp\n抓好\tdo a good job of\tv\n")
    assert parse_clause("在项目建设上下功夫", book).text == "make efforts in project construction"
    assert parse_clause("把项目建设抓好", book).text == "do a good job of project construction"


def test_relative_clause_with_de(tmp_path):
    book = _book(tmp_path, "企业\tenterprises\tnp\n关心\tcare about\tv\n政策\tpolicies\tnp\n落实\timplement\tv\n")
    assert parse_clause("落实企业关心的政策", book).text == "implement the policies that enterprises care about"


def test_directives_read_as_gerunds_after_called_for():
    from summarize.english.grammar import gerund_phrase

    verbs = frozenset({"lock", "fulfill", "enhance", "focus"})
    assert gerund_phrase("lock in targets and fulfill tasks", verbs) == "locking in targets and fulfilling tasks"
    assert gerund_phrase("effectively enhance awareness, focus on work", verbs) == \
        "effectively enhancing awareness, focusing on work"
    assert gerund_phrase("focus on projects, fields and work", verbs | {"work"}) == "focusing on projects, fields and work"


# -- constructions of official prose (issue 10, round 5): each on a sentence written for the test --


def test_correlative_frames_and_quantifiers(tmp_path):
    book = _book(tmp_path, "推进改革\tadvance reform\tvp\n促进发展\tpromote development\tvp\n干部\tofficials\tnp\n"
                           "压实责任\ttighten responsibilities\tvp\n")
    assert render_clause("既要推进改革又要促进发展", book) == "advance reform and promote development"
    assert render_clause("不仅要推进改革还要促进发展", book) == "not only advance reform but also promote development"
    clause = parse_clause("各级干部要压实责任", book)
    assert clause is not None and clause.subject == "officials at all levels"


def test_topic_before_a_bare_verb_is_its_object_but_an_actor_is_the_subject(tmp_path):
    book = _book(tmp_path, "排查\tinspect\tv\n安全隐患\tsafety hazards\tnp\n部门\tdepartments\tnp\n"
                           "落实责任\tfulfil responsibilities\tvp\n")
    assert render_clause("安全隐患要排查", book) == "inspect safety hazards"
    assert render_clause("安全隐患排查", book) == "inspect safety hazards"
    clause = parse_clause("部门落实责任", book)
    assert clause is not None and clause.subject == "departments" and clause.predicates == ("fulfil responsibilities",)


# -- quoted terms and numbered slogans (issue 10, round 6): sentences written for the test --

def test_quoted_term_whose_content_renders_is_a_quoted_phrase():
    assert render_clause("优化“营商环境”") == 'optimize "business environment"'


@pytest.mark.parametrize(("zh", "en"), [("发展六大产业", "develop six major industries"),
                                        ("完成三项任务", "complete three tasks"),
                                        # a singular noun takes its plural; a quoted slogan as object takes "the"
                                        ("打好“三大攻坚战”", 'win the "three major tough battles"'),
                                        ("落实好“六个行动”", 'implement the "six campaigns"')])
def test_numbered_slogan_renders_as_number_and_noun_when_the_noun_renders(zh, en):
    assert render_clause(zh) == en


@pytest.mark.parametrize("zh", ["推进“三个一”工作", "落实“两个确保”", "抓好“三个一批”项目建设"])
def test_numbered_slogan_without_a_noun_is_left_out(zh):
    assert render_clause(zh) is None

