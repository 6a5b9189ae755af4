"""How the text marks a character the scraper lost: '?' or U+FFFD.

The corruption stage leaves these in place (nothing is guessed) and lists them in quality.corrupted_spans,
which the stages after it move with their edits; extraction and the Chinese summary never read a name,
title or clause across one.
"""

from __future__ import annotations

import re

LOST = "?\ufffd"
LOST_RUN = re.compile(f"[{LOST}]+")
