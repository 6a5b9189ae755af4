"""Where text went: an offset map from an input string to the output of the edits made to it.

A stage that rewrites the text (removes pinyin, collapses spaces, drops a line) records what it changed as
an ``OffsetMap``; an offset into its input (a corrupted span, say) is carried to its output with
``position`` or ``span``. Maps compose (``a.then(b)``: A's edits, then B's on A's output) and concatenate
(``a + b``: the map of A's text followed by B's), so a stage builds its map from the pieces it edits.

A map is a run of operations over the input, each ``(input length, output length, changed)``: copied
text (``changed`` False, equal lengths) and changed regions (that many input characters became that many
output characters). A change of the same length is character for character (script conversion, width
folding): ``sub_with_map`` and ``between`` record it as copied text, so its offsets map one to one.

Offsets in copied text and on the edges of a changed region map exactly. An offset strictly inside a
changed region has no exact image: a span's start maps to the start of what replaced the region, its end
to the end, so a span keeps what replaced its text and is gone (``span`` gives None) when that text was
deleted. Text inserted where nothing was deleted stays outside a span that starts or ends at that place.

Everything is linear in the number of operations; building a map is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

Op = tuple[int, int, bool]  # (input length, output length, changed)


class MapBuilder:
    """Writes a map left to right over the input (the operations of adjacent edits merge)."""

    def __init__(self) -> None:
        self._ops: list[list[int | bool]] = []
        self._input_length = self._output_length = 0

    def keep(self, length: int) -> None:
        """``length`` characters copied unchanged."""
        self._add(length, length, False)

    def replace(self, input_length: int, output_length: int) -> None:
        """``input_length`` characters became ``output_length`` others (0 and 0 adds nothing)."""
        self._add(input_length, output_length, True)

    def extend(self, other: OffsetMap) -> None:
        """The next characters are mapped by ``other``."""
        for n_in, n_out, changed in other.ops:
            self._add(n_in, n_out, changed)

    def build(self) -> OffsetMap:
        ops = tuple((int(n_in), int(n_out), bool(changed)) for n_in, n_out, changed in self._ops)
        return OffsetMap(ops, self._input_length, self._output_length)

    def _add(self, n_in: int, n_out: int, changed: bool) -> None:
        if n_in < 0 or n_out < 0:
            raise ValueError(f"negative length in an edit ({n_in}, {n_out})")
        if n_in == 0 and n_out == 0:
            return
        self._input_length += n_in
        self._output_length += n_out
        if self._ops and self._ops[-1][2] == changed:
            self._ops[-1][0] += n_in
            self._ops[-1][1] += n_out
        else:
            self._ops.append([n_in, n_out, changed])


class OffsetMap:
    """The edits from an input text to an output text, able to map input offsets to output offsets."""

    __slots__ = ("ops", "input_length", "output_length", "_in_starts", "_out_starts")

    def __init__(self, ops: tuple[Op, ...] = (), input_length: int | None = None,
                 output_length: int | None = None) -> None:
        self.ops = ops  # canonical: no empty operation, no two neighbours of the same kind (MapBuilder)
        self.input_length = sum(op[0] for op in ops) if input_length is None else input_length
        self.output_length = sum(op[1] for op in ops) if output_length is None else output_length
        self._in_starts: list[int] | None = None
        self._out_starts: list[int] | None = None

    # --- building ------------------------------------------------------------------------------------

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((length, length, False),) if length else (), length, length)

    @classmethod
    def from_edits(cls, length: int, edits: Iterable[tuple[int, int, int]]) -> OffsetMap:
        """Edits ``(start, end, replacement length)`` on a text of ``length``, in order, not overlapping."""
        builder = MapBuilder()
        done = 0
        for start, end, new_length in edits:
            if not done <= start <= end <= length:
                raise ValueError(f"edit ({start}, {end}) out of order or outside a text of {length}")
            builder.keep(start - done)
            builder.replace(end - start, new_length)
            done = end
        builder.keep(length - done)
        return builder.build()

    @classmethod
    def slice(cls, length: int, start: int, end: int) -> OffsetMap:
        """The map of ``text[start:end]`` for a text of ``length`` (what is around it is deleted)."""
        if start == 0 and end == length:
            return cls.identity(length)
        return cls.from_edits(length, ((0, start, 0), (end, length, 0)))

    @classmethod
    def between(cls, before: str, after: str) -> OffsetMap:
        """The map of a rewrite that changes characters in place (script conversion, width folding).

        Equal lengths: character for character. Otherwise (no rewrite here does that; it keeps a span
        from being moved to the wrong place) everything from the first to the last differing character
        is one changed region.
        """
        if len(before) == len(after):
            return cls.identity(len(before))
        start, end, new_end = _changed_region(before, after)
        return cls.from_edits(len(before), ((start, end, new_end - start),))

    # --- combining -----------------------------------------------------------------------------------

    def then(self, later: OffsetMap) -> OffsetMap:
        """This map's edits followed by ``later``'s (made on this map's output)."""
        if self.output_length != later.input_length:
            raise ValueError(f"cannot compose: output of {self.output_length} characters, "
                             f"next input of {later.input_length}")
        if self.is_identity():
            return later
        if later.is_identity():
            return self
        builder = MapBuilder()
        # Each map as primitive steps over the middle text: keep, delete (input only), insert (output only).
        first, second = _steps(self.ops), _steps(later.ops)
        a = b = 0
        while True:
            if a < len(first) and first[a][0] == "delete":  # never reaches the middle text
                builder.replace(first[a][1], 0)
                a += 1
            elif b < len(second) and second[b][0] == "insert":  # comes from no middle text
                builder.replace(0, second[b][1])
                b += 1
            elif a == len(first) or b == len(second):
                break
            else:
                (kind_a, n_a), (kind_b, n_b) = first[a], second[b]
                n = min(n_a, n_b)
                if kind_a == "keep":
                    builder.keep(n) if kind_b == "keep" else builder.replace(n, 0)
                elif kind_b == "keep":  # inserted by the first map, kept by the second
                    builder.replace(0, n)
                # inserted by the first map and deleted by the second: nothing of it is left
                first[a] = (kind_a, n_a - n)
                second[b] = (kind_b, n_b - n)
                a += first[a][1] == 0
                b += second[b][1] == 0
        return builder.build()

    def __add__(self, other: OffsetMap) -> OffsetMap:
        """The map of this map's text followed by ``other``'s."""
        builder = MapBuilder()
        builder.extend(self)
        builder.extend(other)
        return builder.build()

    # --- mapping -------------------------------------------------------------------------------------

    def position(self, offset: int, side: str = "start") -> int:
        """Where ``offset`` of the input is in the output; ``side`` ("start" or "end" of a span) decides
        for an offset strictly inside a changed region and at a place where text was only inserted."""
        if not 0 <= offset <= self.input_length:
            raise ValueError(f"offset {offset} outside the input (0-{self.input_length})")
        if side not in ("start", "end"):
            raise ValueError(f"side must be 'start' or 'end', not {side!r}")
        if not self.ops:
            return offset
        k, in_start, out_start = self._op_at(offset)
        n_in, n_out, changed = self.ops[k]
        if not changed:
            inserted_before = k > 0 and self.ops[k - 1][0] == 0 and offset == in_start
            return out_start + offset - in_start - (self.ops[k - 1][1] if inserted_before and side == "end" else 0)
        if n_in == 0:  # only an insertion, at the end of the text
            return out_start + n_out if side == "start" else out_start
        if offset == in_start:
            return out_start
        if offset == in_start + n_in:
            return out_start + n_out
        return out_start if side == "start" else out_start + n_out

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the input span ``[start, end)`` is in the output, or None when its text was deleted.

        An empty span (a place) is gone when nothing next to it is left: the characters on both sides
        were deleted, or the one side that the text has.
        """
        if start > end:
            raise ValueError(f"span ({start}, {end}) ends before it starts")
        if start == end:
            if self._place_deleted(start):
                return None
            place = self.position(start, "start")
            return place, place
        new_start, new_end = self.position(start, "start"), self.position(end, "end")
        return (new_start, new_end) if new_end > new_start else None

    def is_identity(self) -> bool:
        return len(self.ops) <= 1 and not (self.ops and self.ops[0][2])  # canonical: copied text is one op

    @property
    def edits(self) -> list[tuple[int, int, int]]:
        """The changed regions as ``(start, end, replacement length)`` on the input."""
        found, done = [], 0
        for n_in, n_out, changed in self.ops:
            if changed:
                found.append((done, done + n_in, n_out))
            done += n_in
        return found

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self.ops == other.ops

    def __hash__(self) -> int:
        return hash(self.ops)

    def __repr__(self) -> str:
        return f"OffsetMap({self.input_length}->{self.output_length}, edits={self.edits})"

    def _op_at(self, offset: int) -> tuple[int, int, int]:
        """The last operation starting at or before ``offset``, with its input and output starts."""
        if self._in_starts is None:
            self._in_starts, self._out_starts = [], []
            done_in = done_out = 0
            for n_in, n_out, _ in self.ops:
                self._in_starts.append(done_in)
                self._out_starts.append(done_out)
                done_in += n_in
                done_out += n_out
        k = bisect_right(self._in_starts, offset) - 1
        return k, self._in_starts[k], self._out_starts[k]  # type: ignore[index]

    def _place_deleted(self, offset: int) -> bool:
        if not 0 <= offset <= self.input_length:
            raise ValueError(f"offset {offset} outside the input (0-{self.input_length})")
        if self.input_length == 0:
            return False
        before = offset == 0 or self._char_deleted(offset - 1)
        after = offset == self.input_length or self._char_deleted(offset)
        return before and after

    def _char_deleted(self, index: int) -> bool:
        """Whether the input character at ``index`` was deleted (is in a changed region with no output)."""
        k, _, _ = self._op_at(index)
        n_in, n_out, changed = self.ops[k]
        return changed and n_out == 0


def _steps(ops: tuple[Op, ...]) -> list[tuple[str, int]]:
    steps: list[tuple[str, int]] = []
    for n_in, n_out, changed in ops:
        if not changed:
            steps.append(("keep", n_in))
            continue
        if n_in:
            steps.append(("delete", n_in))
        if n_out:
            steps.append(("insert", n_out))
    return steps


def _changed_region(old: str, new: str) -> tuple[int, int, int]:
    """(start, end in old, end in new) of what differs once the common prefix and suffix are set aside."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, len(new) - suffix


def sub_with_map(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str,
                 ) -> tuple[str, OffsetMap]:
    """``pattern.sub(repl, text)`` and the map of what it changed.

    Each replacement is recorded as the smallest changed region (what it shares with the match at both
    ends is unchanged text); a region that keeps its length is character for character and not recorded.
    """
    if not callable(repl):
        template = repl
        repl = (lambda match: match.expand(template)) if "\\" in template else (lambda match: template)
    pieces: list[str] = []
    edits: list[tuple[int, int, int]] = []
    done = 0
    for match in pattern.finditer(text):  # the same matches, in the same order, as pattern.sub
        new = repl(match)
        old = match.group(0)
        if new == old:
            continue
        pieces.append(text[done:match.start()])
        pieces.append(new)
        done = match.end()
        start, end, new_end = _changed_region(old, new)
        if end - start != new_end - start:
            edits.append((match.start() + start, match.start() + end, new_end - start))
    if not pieces:
        return text, OffsetMap.identity(len(text))
    pieces.append(text[done:])
    return "".join(pieces), OffsetMap.from_edits(len(text), edits) if edits else OffsetMap.identity(len(text))
