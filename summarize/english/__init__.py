"""English rendering for the rules engine: pinyin names, glossary-based titles, places and phrases,
templated headline and summary. See docs/english.md."""

from .glossary import Glossary, load_glossary
from .render import Rendering, render_all, render_en, render_english
from .romanize import romanize_name, romanize_place

__all__ = ["Glossary", "Rendering", "load_glossary", "render_all", "render_en", "render_english",
           "romanize_name", "romanize_place"]
