"""Write the small binary files the samples send: ``samples/data/sample1.png`` and ``sample1.wav``.

Both are made with the standard library only (zlib + struct for the PNG, ``wave`` for the WAV), so
the repository ships no third-party media. Run from the repository root:
``python scripts/make_sample_data.py``. The output is deterministic.
"""

from __future__ import annotations

import math
import struct
import wave
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "samples" / "data"


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def png_bytes(width: int = 16, height: int = 16) -> bytes:
    """An RGB image: a red-to-blue gradient with a white diagonal."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type "None" for this scanline
        for x in range(width):
            on_diagonal = x == y
            red = 255 if on_diagonal else 255 - x * 255 // (width - 1)
            blue = 255 if on_diagonal else x * 255 // (width - 1)
            rows += bytes((red, 255 if on_diagonal else 64, blue))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def write_wav(path: Path, seconds: float = 0.25, rate: int = 8000, pitch: float = 440.0) -> None:
    """A mono 16-bit sine tone."""
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * pitch * n / rate))) for n in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(frames)


def main() -> None:
    """Write both files into ``samples/data``."""
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "sample1.png").write_bytes(png_bytes())
    write_wav(DATA / "sample1.wav")


if __name__ == "__main__":
    main()
