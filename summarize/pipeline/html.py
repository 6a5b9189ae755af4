"""HTML page -> plain text lines, keeping every visible block as its own line.

The cleaner that follows knows how to drop page chrome and read metadata lines, so this step only
removes markup, scripts and styles and keeps the <title> for the metadata. A general article extractor
(e.g. trafilatura) would silently drop the dateline and source lines the cleaner reads.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "nav", "aside", "blockquote", "pre", "hr", "dd", "dt", "title", "td",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}

HTML_SNIFF = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<p[\s>]|<div[\s>])",
                        re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:2000]
    return bool(HTML_SNIFF.match(head)) or len(re.findall(r"</(p|div|span|td|a)>", head, re.I)) >= 3


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in SKIP_TAGS:
            self._skip += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return (text with one block per line, <title> text or None)."""
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    text = unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    body = "\n".join(ln for ln in lines if ln)
    title = " ".join("".join(parser.title).split()) or None
    return body, title
