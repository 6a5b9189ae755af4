"""Merging officials into people: same name, and the same jurisdiction or its direct parent."""

from __future__ import annotations

import json

from summarize.database.people import (
    PARENT_PLACE,
    SAME_PLACE,
    SINGLE_REPORT,
    UNPLACED,
    Mention,
    mention_date,
    merge_people,
)
from summarize.database.places import jurisdiction_node


def mention(report: str, name: str, place: str | None, title: str = "县委书记", date: str = "2024-01-01") -> Mention:
    return Mention(report, 0, name, None, title, None, "spoke", date, place)


def people_of(mentions: list[Mention]) -> dict[str, set[str]]:
    people, assigned = merge_people(mentions)
    found: dict[str, set[str]] = {p["id"]: set() for p in people}
    for (report, _position), pid in assigned.items():
        found[pid].add(report)
    return found


def test_a_place_and_its_forms_are_one_node() -> None:
    full, bare = jurisdiction_node("泸州市纳溪区"), jurisdiction_node("纳溪区")
    assert full == bare and full is not None and full.label == "泸州市纳溪区"
    assert full.parent == jurisdiction_node("泸州市").key
    assert jurisdiction_node("泸州市").parent == jurisdiction_node("四川省").key
    assert jurisdiction_node("维西傈僳族自治县") == jurisdiction_node("维西县")
    zone = jurisdiction_node("随州高新区")
    assert zone.key.startswith("zone:") and zone.parent == jurisdiction_node("随州市").key
    assert jurisdiction_node(None) is None and jurisdiction_node("  ") is None


def test_same_place_or_parent_merges_siblings_do_not() -> None:
    found = people_of([
        mention("a", "张三", "泸州市纳溪区"), mention("b", "张三", "纳溪区", date="2024-05-01"),
        mention("c", "张三", "泸州市", title="副市长"),  # the city above one county: merged
        mention("d", "李四", "泸州市纳溪区"), mention("e", "李四", "泸州市江阳区"),  # two counties: two people
        mention("f", "李四", "泸州市"),  # the city between them: cannot tell which, a person of its own
        mention("g", "王五", None), mention("h", "王五", None),  # no place: not merged
    ])
    assert found == {"张三@泸州市纳溪区": {"a", "b", "c"}, "李四@泸州市纳溪区": {"d"}, "李四@泸州市江阳区": {"e"},
                     "李四@泸州市": {"f"}, "王五@?g#0": {"g"}, "王五@?h#0": {"h"}}


def test_person_row_says_how_it_was_merged_and_keeps_titles_over_time() -> None:
    people, _ = merge_people([
        mention("a", "张三", "泸州市纳溪区", "县长", "2022-03-01"),
        mention("b", "张三", "泸州市纳溪区", "区委书记", "2024-05-01"),
        mention("c", "张三", "泸州市", "区委书记", "2023-01-01"),
        mention("d", "赵六", "泸州市纳溪区"), mention("e", "赵六", "纳溪区"),
        mention("f", "孙七", "泸州市"), mention("g", "周八", None),
    ])
    by_name = {p["name"]: p for p in people}
    zhang = by_name["张三"]
    assert zhang["merged_by"] == PARENT_PLACE and zhang["reports"] == 3
    assert (zhang["first_seen"], zhang["last_seen"], zhang["latest_title"]) == ("2022-03-01", "2024-05-01", "区委书记")
    titles = json.loads(zhang["titles"])
    assert [(t["title"], t["first"], t["last"], t["reports"]) for t in titles] == [
        ("县长", "2022-03-01", "2022-03-01", 1), ("区委书记", "2023-01-01", "2024-05-01", 2)]
    assert by_name["赵六"]["merged_by"] == SAME_PLACE
    assert by_name["孙七"]["merged_by"] == SINGLE_REPORT
    assert by_name["周八"]["merged_by"] == UNPLACED


def test_a_duplicate_page_is_not_a_second_report() -> None:
    people, _ = merge_people([mention("a", "张三", "纳溪区"),
                              Mention("b", 0, "张三", None, "县委书记", None, "spoke", None, "纳溪区", duplicate_of="a")])
    assert len(people) == 1 and people[0]["reports"] == 1 and people[0]["mentions"] == 2
    assert people[0]["merged_by"] == SINGLE_REPORT


def test_dates_without_a_year_fall_back_to_the_publication_date() -> None:
    assert mention_date("2024-03-05", "2024-03-06") == "2024-03-05"
    assert mention_date("03-05", "2024-03-06") == "2024-03-06"
    assert mention_date(None, None) is None
