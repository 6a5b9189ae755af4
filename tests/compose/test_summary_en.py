"""summary_en: the directives after "called for" keep a clause object's verbs, in the full and the compact form."""

from __future__ import annotations

from summarize.compose.en import Person, build_summary

POINT = "speed up progress and ensure projects sign and start construction"
POINT_ING = "speeding up progress and ensuring projects sign and start construction"
LONG_TITLE = ("Member of the Standing Committee of the County Party Committee, Executive Deputy County Magistrate "
              "and Secretary of the Party Working Committee of the Economic Development Zone")


def _summary(people):
    return build_summary(date="2024-03-11", place="Qingshan County", event_type="meeting", event="promotion meeting",
                         people=people, key_points=[POINT], key_points_ing=[POINT_ING], projects=[], campaigns=[],
                         targets=[])


def test_the_clause_gerunds_are_used():
    text = _summary([Person("Wang Jianguo", "County Party Secretary", "spoke")])
    assert POINT_ING in text and "and starting" not in text


def test_the_compact_retry_uses_them_too():
    people = [Person(f"Official {n}", LONG_TITLE, "spoke") for n in "ABCDEF"]
    text = _summary(people)
    assert POINT_ING in text and "and starting" not in text
    assert LONG_TITLE not in text  # the compact form was taken: titles left out
