"""Random byte-level damage for the reader comparison scripts (Benchmarks/*/compare-readers.py)."""

def join(rng, lines, crlf, edits, edit_bytes):
    """`lines` joined by LF (or, with probability `crlf`, CRLF), a final newline 4 times in 5, a byte order mark
    1 time in 20, then `edits()` random byte edits (see `edited`; a function, drawn last)."""
    eol = b"\r\n" if rng.random() < crlf else b"\n"
    data = eol.join(lines) + (eol if rng.random() < 0.8 else b"")
    if rng.random() < 0.05: data = b"\xef\xbb\xbf" + data
    return edited(rng, data, edits(), edit_bytes)

def edited(rng, data, count, edit_bytes):
    """`data` with `count` random byte deletions, insertions or replacements (bytes drawn from `edit_bytes`)."""
    for _ in range(count):
        i = rng.randint(0, len(data))
        k = rng.random()
        b = bytes([rng.choice(edit_bytes)])
        if k < 0.33: data = data[:i] + data[i + 1:]
        elif k < 0.66: data = data[:i] + b + data[i:]
        else: data = data[:i] + b + data[i + 1:]
    return data
