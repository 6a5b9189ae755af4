"""English rendering for the rules engine: pinyin names, glossary-based titles, places and phrases,
templated headline and summary. See docs/english.md."""

from .glossary import Glossary, load_glossary
from .grammar import parse_clause, render_clause
from .render import Rendering, render_all, render_en, render_english
from .romanize import romanize_name, romanize_place

__all__ = ["Glossary", "Rendering", "load_glossary", "parse_clause", "render_all", "render_clause", "render_en",
           "render_english", "romanize_name", "romanize_place"]
