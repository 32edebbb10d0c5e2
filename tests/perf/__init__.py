"""The benchmark: every figure measured as a ratio to a baseline taken in the same run.

Run it with ``python -m tests.perf`` (see ``--help``); plain ``pytest`` does
not collect it (no ``test_`` modules here).
"""
