"""Decisions that do no I/O, shared by the sync and the async clients.

Nothing in this package may import an HTTP transport, ``asyncio`` or ``azure.core.pipeline``, or
define a coroutine: every function here is a pure transformation that a unit test can exercise
without a socket (``tests/unit/test_sansio_boundary.py`` enforces it).
"""
