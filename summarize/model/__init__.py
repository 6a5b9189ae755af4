"""The optional seq2seq model engine.

Nothing here imports torch or transformers at module import time: the heavy imports happen inside
:mod:`summarize.model.loading` when a model is actually loaded. :mod:`summarize.model.verifier` is pure
Python so the evaluation harness can reuse it without a model.
"""
