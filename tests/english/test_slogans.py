"""Numbered slogans in quotation marks: counts and nouns, word for word, or no rendering at all."""

from __future__ import annotations

import pytest

from summarize.english import render_clause
from summarize.english.slogans import numbered_slogan

NOUNS = {"产业": "industries", "高": "high", "早": "early", "行动": "campaign"}


@pytest.mark.parametrize(("inner", "expected"), [
    ("一城三园", "one city and three parks"),     # slogan morphemes of grammar.toml
    ("两地两县", "two places and two counties"),  # county: a plural the morphology table lacks
    ("一核两翼三带", "one core, two wings and three belts"),
    ("双高", "double-high"),
    ("三早", None),          # an adjective has no count
    ("三园", None),          # one count and a noun is the grammar's counted noun phrase, not a slogan
    ("六个行动", None),      # a classifier: the grammar's
    ("一城三馆", None),      # 馆 is unknown: no guess
    ("城三园", None),        # every part opens with a count
])
def test_numbered_slogan(inner, expected):
    assert numbered_slogan(inner, NOUNS.get) == expected


def test_a_slogan_renders_only_inside_quotation_marks():
    assert render_clause("建设“一城三园”") == 'build "one city and three parks"'
    assert render_clause("建设一城三园") is None


def test_the_phrasebook_reading_of_a_quoted_formula_wins():
    assert render_clause("推进“一带一路”建设") == 'advance the construction of "the Belt and Road Initiative"'
