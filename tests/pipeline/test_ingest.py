"""Ingest: encodings, HTML, and clear errors for input that is not a report."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from summarize.api import clean_file
from summarize.config import Settings
from summarize.errors import InputError
from summarize.pipeline.encoding import decode
from summarize.pipeline.ingest import ingest_path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_every_encoding_cleans_to_the_same_text(seed, encoding, tmp_path):
    text = seed.read_text(encoding="utf-8")
    reference = clean_file(seed)
    variant = tmp_path / seed.name
    variant.write_bytes(text.encode(encoding))
    cleaned = clean_file(variant)
    assert cleaned.text == reference.text
    assert cleaned.metadata == reference.metadata
    assert cleaned.quality.encoding.split(" ")[0].startswith(encoding.split("-sig")[0][:6])


def test_big5_where_representable(seed, tmp_path):
    # Big5 cannot hold Simplified characters or pinyin tone marks, so the seed is first cleaned and
    # turned Traditional; that text must survive a Big5 round trip unchanged.
    traditional = OpenCC("s2tw").convert(clean_file(seed).text)  # Taiwan forms: what Big5 holds
    try:
        data = traditional.encode("big5")
    except UnicodeEncodeError as err:
        pytest.skip(f"not representable in Big5: {traditional[err.start:err.end]!r}")
    as_utf8, as_big5 = tmp_path / "u.txt", tmp_path / "b.txt"
    as_utf8.write_text(traditional, encoding="utf-8")
    as_big5.write_bytes(data)
    big5 = clean_file(as_big5)
    assert big5.quality.encoding == "big5"
    assert big5.text == clean_file(as_utf8).text


def test_html_page_cleans_to_the_same_text(seed, tmp_path):
    text = seed.read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>\n" for line in text.split("\n"))
    page = tmp_path / f"{seed.stem}.html"
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>site</title>"
                    f"<script>var x = '<p>no</p>';</script></head><body><div>{body}</div></body></html>",
                    encoding="utf-8")
    reference, html = clean_file(seed), clean_file(page)
    assert html.quality.input_format == "html"
    assert html.text == reference.text
    assert html.metadata.published == reference.metadata.published


def test_decode_prefers_the_plausible_legacy_encoding():
    text = "县委书记马盛春作重要讲话，要求全县各级各部门正视问题。"
    assert decode(text.encode("gb18030")) == (text, "gb18030")
    traditional = "縣委書記馬盛春作重要講話，要求全縣各級各部門正視問題。"
    assert decode(traditional.encode("big5")) == (traditional, "big5")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"%PDF-1.7\n%binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(256)) * 8, "decode"),
        (b"abc\x00\x01\x02\x03\x04def" * 20, "binary"),
    ],
)
def test_bad_input_is_refused_with_the_file_named(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InputError) as err:
        ingest_path(bad, Settings())
    assert str(bad) in str(err.value)
    assert message.lower() in str(err.value).lower()


def test_missing_directory_and_oversized(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ingest_path(tmp_path / "nope.txt", Settings())
    with pytest.raises(InputError, match="directory"):
        ingest_path(tmp_path, Settings())
    big = tmp_path / "big.txt"
    big.write_text("会议" * 200, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        ingest_path(big, Settings(max_bytes=100))


def test_truncated_multibyte_sequence_still_reads(tmp_path, seed):
    # A page cut off in the middle of a UTF-8 character: refuse clearly or read what is there.
    data = seed.read_text(encoding="utf-8").encode("utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[: len(data) // 2] + data[len(data) // 2: len(data) // 2 + 1])
    try:
        report = clean_file(cut)
    except InputError as err:
        assert str(cut) in str(err)
    else:
        assert len(report.text) > 100
