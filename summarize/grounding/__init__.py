"""Grounding checks: is every name, number, date and place a text states supported by its report?

Used by the model engine (to reject an unsupported output), by evaluation (faithfulness) and by the
tests of the rules' outputs; pure Python, no model. See verifier.py.
"""
