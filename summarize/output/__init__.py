"""Rendering a Report: JSON result (versioned schema), Markdown, rich terminal view."""
