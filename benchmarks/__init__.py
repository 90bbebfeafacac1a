"""Benchmarks of the client against a minimal keep-alive HTTP+JSON floor client (not tests; never gate CI).

Run ``python -m benchmarks`` (or ``python -m benchmarks --quick``); see ``benchmarks/README.md``.
This package imports nothing at import time, so that ``python -m benchmarks.fresh`` measures imports
in a clean interpreter.
"""
