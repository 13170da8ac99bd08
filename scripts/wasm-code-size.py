#!/usr/bin/env python3
"""Code size per function of a wasm that still has its name section (the output of
`cargo build --release --target wasm32-unknown-unknown --bin jiuzhu-app`, before wasm-bindgen
and wasm-opt), for BENCHMARKS.md "App size" when twiggy is not installed.

    python3 scripts/wasm-code-size.py WASM                 total code bytes
    python3 scripts/wasm-code-size.py WASM REGEX           total of the functions matching REGEX
    python3 scripts/wasm-code-size.py WASM REGEX --list    and each of them, largest first
"""
import re
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def functions(path):
    """[(size, name)] of every function body."""
    data = open(path, "rb").read()
    i, imported, sizes, names = 8, 0, [], {}
    while i < len(data):
        sid = data[i]
        n, i = leb(data, i + 1)
        end = i + n
        if sid == 2:  # imports: function imports come first in the index space
            cnt, j = leb(data, i)
            for _ in range(cnt):
                for _ in range(2):
                    ln, j = leb(data, j)
                    j += ln
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:  # code
            cnt, j = leb(data, i)
            for _ in range(cnt):
                ln, j = leb(data, j)
                sizes.append(ln)
                j += ln
        elif sid == 0:  # custom: "name", subsection 1 = function names
            ln, j = leb(data, i)
            if data[j : j + ln] == b"name":
                j += ln
                while j < end:
                    sub = data[j]
                    sl, j = leb(data, j + 1)
                    if sub == 1:
                        cnt, k = leb(data, j)
                        for _ in range(cnt):
                            idx, k = leb(data, k)
                            ln2, k = leb(data, k)
                            names[idx] = data[k : k + ln2].decode("utf8", "replace")
                            k += ln2
                    j += sl
        i = end
    return [(sz, names.get(f + imported, f"f{f}")) for f, sz in enumerate(sizes)]


if __name__ == "__main__":
    fs = functions(sys.argv[1])
    pat = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    chosen = sorted((f for f in fs if not pat or pat.search(f[1])), reverse=True)
    if "--list" in sys.argv:
        for sz, name in chosen:
            print(sz, name)
    print("total", sum(sz for sz, _ in chosen), "of", sum(sz for sz, _ in fs), "bytes of code")
