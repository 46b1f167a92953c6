#!/usr/bin/env python3
"""Makes the synthetic images of DEMO-DATA.md (never a real person), with only the Python
standard library: a card photo of exactly 358x441 between 20 KB and 8.75 MiB, an ID card
front and back of at least 300x180, and wrong ones that show each error message.

    scripts/make-demo-images.py [DIR]        (default: ./demo-images)

The pictures are drawn from a fixed seed, so every run writes the same bytes."""
import os, random, struct, sys, zlib

def png(width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")

def portrait(grain):
    """A white background with a drawn head and shoulders; `grain` adds sensor-like noise."""
    noise = random.Random(2026)
    def pixel(x, y):
        jitter = noise.randint(-grain, grain) if grain else 0
        head = ((x - 179) / 80) ** 2 + ((y - 180) / 100) ** 2 <= 1
        shoulders = y > 320 and abs(x - 179) < 60 + (y - 320)
        base = (224, 188, 160) if head else (40, 60, 110) if shoulders else (250, 250, 250)
        return bytes(max(0, min(255, c + jitter)) for c in base)
    return pixel

def card_side(title_band):
    noise = random.Random(11)
    def pixel(x, y):
        jitter = noise.randint(-6, 6)
        band = title_band(x, y)
        base = (200, 220, 235) if band else (236, 240, 244)
        return bytes(max(0, min(255, c + jitter)) for c in base)
    return pixel

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "demo-images"
    os.makedirs(out, mode=0o700, exist_ok=True)
    files = {
        "card-photo.png": png(358, 441, portrait(12)),
        "id-front.png": png(640, 404, card_side(lambda x, y: 40 < x < 200 and 60 < y < 260)),
        "id-back.png": png(640, 404, card_side(lambda x, y: y < 80)),
        # Wrong ones, one per message:
        "too-small-bytes.png": png(358, 441, portrait(0)),   # right size, but far under 20 KB
        "wrong-size.png": png(400, 500, portrait(12)),        # 400x500 instead of 358x441
        "id-too-small.png": png(280, 170, card_side(lambda x, y: y < 30)),
        "not-an-image.jpg": b"This is a text file named like a photo.\n" * 600,
    }
    for name, data in files.items():
        path = os.path.join(out, name)
        with open(path, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o600)
        print("%-22s %8d bytes" % (name, len(data)))

main()
