"""The insides of ``azure.ai.inference.tracing`` (the public facade is ``AIInferenceInstrumentor``).

* ``state``: the process-wide switches (instrumented, content recording, convention mode).
* ``attributes``, ``events``, ``conventions``: pure functions from call arguments, results and
  accumulated streams to span attributes and event payloads (no I/O, no OpenTelemetry import).
* ``spans``, ``metrics``: one traced call: its OpenTelemetry span, events, errors and GenAI metrics.
* ``operations``: what chat and embeddings calls record, shared by the sync and async wrappers.
* ``wrappers``: the four thin shells (sync call, async call, sync stream, async stream).
* ``patching``: replaces and restores the client methods.

Only ``state`` and the pure modules are importable without OpenTelemetry installed.
"""
