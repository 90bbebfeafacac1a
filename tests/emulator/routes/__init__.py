"""The emulated service's operations, one module per area; each returns a :class:`~tests.emulator.Reply`."""
