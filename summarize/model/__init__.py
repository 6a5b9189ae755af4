"""The optional seq2seq model engine.

Nothing here imports torch or transformers at module import time: the heavy imports happen inside
:mod:`summarize.model.loading` when a model is actually loaded. The verifier the engine checks outputs
with is :mod:`summarize.grounding.verifier` (pure Python, shared with the evaluation harness).
"""
