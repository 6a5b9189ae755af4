"""OffsetMap: edits recorded on a text carry its offsets to the output (composition, insertions, deletions,
edges), checked against a character-by-character account of where every character went."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.offsets import MapBuilder, OffsetMap, sub_with_map

ANNOTATION = re.compile(r"\(zì\)")


def _copied(edits: list[tuple[int, int, int]], length: int) -> dict[int, int]:
    """Input index -> output index of every character the edits leave alone (the reference account)."""
    copied, shift, done = {}, 0, 0
    for start, end, new_length in edits:
        copied.update({i: i + shift for i in range(done, start)})
        shift += new_length - (end - start)
        done = end
    copied.update({i: i + shift for i in range(done, length)})
    return copied


def _apply(text: str, edits: list[tuple[int, int, int]]) -> str:
    pieces, done = [], 0
    for start, end, new_length in edits:
        pieces += [text[done:start], "#" * new_length]
        done = end
    return "".join(pieces) + text[done:]


@st.composite
def edited(draw, text: str) -> list[tuple[int, int, int]]:
    """Ordered, non-overlapping edits on ``text``: deletions, insertions and replacements of other lengths."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, done = [], 0
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < done:
            continue
        new_length = draw(st.integers(0, 3).filter(lambda n, s=start, e=end: n != e - s))
        edits.append((start, end, new_length))
        done = end + 1  # keep one unchanged character between edits, so the reference account is exact
    return edits


@settings(max_examples=300, deadline=None)
@given(st.data(), st.text(alphabet="abcdef", max_size=20))
def test_composition_moves_every_unchanged_character_where_both_maps_put_it(data, text):
    first = data.draw(edited(text))
    middle = _apply(text, first)
    second = data.draw(edited(middle))
    out = _apply(middle, second)
    composed = OffsetMap.from_edits(len(text), first).then(OffsetMap.from_edits(len(middle), second))

    assert (composed.input_length, composed.output_length) == (len(text), len(out))
    through_both = {i: _copied(second, len(middle))[j]
                    for i, j in _copied(first, len(text)).items() if j in _copied(second, len(middle))}
    for i in range(len(text)):
        if i in through_both:  # a character both maps left alone is still one character wide
            assert composed.span(i, i + 1) == (through_both[i], through_both[i] + 1)
    # and the changed regions are exactly the characters one of the maps touched
    touched = {i for start, end, _ in composed.edits for i in range(start, end)}
    assert touched == set(range(len(text))) - set(through_both)


def test_deletion_moves_what_follows_and_drops_what_it_removed():
    text = "ab(zì)cd(zì)(zì)ef"
    out, offsets = sub_with_map(ANNOTATION, "", text)
    assert out == "abcdef"
    assert offsets.edits == [(2, 6, 0), (8, 16, 0)]
    assert offsets.span(6, 8) == (2, 4)  # cd
    assert offsets.span(16, 18) == (4, 6)  # ef
    assert offsets.span(2, 6) is None  # the annotation itself
    assert offsets.span(3, 3) is None  # a place inside deleted text
    assert offsets.span(2, 2) == (2, 2) and offsets.span(6, 6) == (2, 2)  # its edges remain as a place
    assert offsets.span(8, 8) == (4, 4) and offsets.span(16, 16) == (4, 4)
    tail = OffsetMap.slice(6, 0, 3)  # "abc" of "abc?xy": a place after '?' has nothing left beside it
    assert tail.span(5, 5) is None and tail.span(6, 6) is None and tail.span(3, 3) == (3, 3)
    assert OffsetMap.slice(6, 3, 6).span(0, 0) is None
    assert offsets.span(1, 7) == (1, 3)  # a span across a deletion shrinks to what is left


def test_replacement_keeps_a_span_over_it_and_its_neighbours():
    # "F(xiàn)" became "現": a span over the repaired text is the replacement.
    offsets = OffsetMap.from_edits(10, [(2, 8, 1)])
    assert offsets.span(2, 8) == (2, 3)
    assert offsets.span(4, 6) == (2, 3)  # strictly inside: the start and end of the replacement
    assert offsets.position(4, "start") == 2 and offsets.position(4, "end") == 3
    assert offsets.span(0, 2) == (0, 2) and offsets.span(8, 10) == (3, 5)


def test_insertion_stays_outside_spans_that_touch_it():
    offsets = OffsetMap.from_edits(4, [(2, 2, 3)])  # "ab" + "###" + "cd"
    assert offsets.span(0, 2) == (0, 2)
    assert offsets.span(2, 4) == (5, 7)
    assert offsets.span(0, 4) == (0, 7)
    at_end = OffsetMap.from_edits(2, [(2, 2, 1)])
    assert at_end.span(0, 2) == (0, 2) and at_end.position(2, "start") == 3


def test_edges_of_the_text():
    offsets = OffsetMap.slice(10, 3, 7)  # text[3:7]
    assert offsets.span(3, 7) == (0, 4)
    assert offsets.span(0, 3) is None and offsets.span(7, 10) is None
    assert offsets.position(0) == 0 and offsets.position(10) == 4
    assert OffsetMap.identity(0).span(0, 0) == (0, 0)
    with pytest.raises(ValueError):
        offsets.position(11)
    with pytest.raises(ValueError):
        offsets.then(OffsetMap.identity(5))


def test_equal_length_rewrites_are_character_for_character():
    out, offsets = sub_with_map(re.compile("[０-９]"), lambda m: chr(ord(m.group(0)) - 0xFEE0), "第１２期")
    assert out == "第12期" and offsets.is_identity()
    assert OffsetMap.between("會議", "会议").is_identity()
    # A rewrite that changed the length is one region from the first to the last difference.
    assert OffsetMap.between("abcXdYef", "abcdef").edits == [(3, 6, 1)]


def test_sub_with_map_records_only_the_changed_part_of_a_match():
    # '?' + a repaired run: the '?' the match starts with is unchanged text.
    out, offsets = sub_with_map(re.compile(r"\?(\w+)"), lambda m: "?" + m.group(1)[1:], "ab?xyz cd")
    assert out == "ab?yz cd"
    assert offsets.edits == [(3, 4, 0)]
    out, offsets = sub_with_map(re.compile(r"\((\w)\)"), r"【\1】", "a(b)c(dd)")
    assert out == "a【b】c(dd)" and offsets.is_identity()


def test_concatenation_and_builder():
    line = OffsetMap.slice(5, 1, 4)  # " abc " -> "abc"
    builder = MapBuilder()
    builder.extend(line)
    builder.keep(1)  # the newline
    builder.replace(4, 0)  # a dropped line and its newline
    builder.extend(line)
    whole = builder.build()
    assert whole == line + OffsetMap.from_edits(1 + 4, [(1, 5, 0)]) + line
    assert (whole.input_length, whole.output_length) == (15, 7)
    assert whole.span(11, 14) == (4, 7)  # the second line's text
