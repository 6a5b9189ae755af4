"""Prompt templates for the model engine (installed as the package ``summarize.prompts``)."""
