#!/usr/bin/env python3
"""What makes the wasm large: code bytes per crate (and the biggest functions), like `twiggy top`.

    python3 scripts/wasm_sizes.py target/wasm32-unknown-unknown/release/budget-check.wasm [N]

Reads the module rustc wrote (it still has its "name" section; trunk's wasm-opt strips it), sums
each function body under the crate its mangled name starts with, and prints the data segments'
size. wasm-opt -Oz shrinks the total by roughly a third, spread about evenly.
"""

import re
import sys
from collections import Counter

from dist import leb  # the module reader's LEB128, beside this script



def name(data, pos):
    size, pos = leb(data, pos)
    return data[pos : pos + size].decode("utf-8", "replace"), pos + size


def sections(wasm):
    pos = 8
    while pos < len(wasm):
        sid = wasm[pos]
        size, start = leb(wasm, pos + 1)
        yield sid, start, start + size
        pos = start + size


def imported_functions(wasm, start):
    count, pos = leb(wasm, start)
    funcs = 0
    for _ in range(count):
        _, pos = name(wasm, pos)
        _, pos = name(wasm, pos)
        kind = wasm[pos]
        pos += 1
        if kind == 0:
            _, pos = leb(wasm, pos)
            funcs += 1
        elif kind == 1:
            pos += 1
            flags, pos = leb(wasm, pos + 0)
            _, pos = leb(wasm, pos)
            if flags & 1:
                _, pos = leb(wasm, pos)
        elif kind == 2:
            flags, pos = leb(wasm, pos)
            _, pos = leb(wasm, pos)
            if flags & 1:
                _, pos = leb(wasm, pos)
        elif kind == 3:
            pos += 2
    return funcs


def crate_of(symbol):
    if symbol.startswith("_R"):
        # v0 mangling: the first crate root is `C`, an optional `s<hash>_`, then `<len><name>`.
        m = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)", symbol)
        if m:
            start = m.end()
            return symbol[start : start + int(m.group(1))]
    text = symbol
    if text.startswith("_ZN"):
        parts = []
        pos = 3
        while pos < len(text) and text[pos].isdigit():
            m = re.match(r"\d+", text[pos:])
            n = int(m.group())
            pos += len(m.group())
            parts.append(text[pos : pos + n])
            pos += n
        text = "::".join(parts)
    text = text.replace("$LT$", "<").replace("$GT$", ">").replace("..", "::").replace("$u20$", " ")
    text = text.replace("$RF$", "&").replace("$BP$", "*").replace("_<", "<").lstrip("<&* ")
    text = re.sub(r"^(mut |dyn |\[)", "", text)
    return re.split(r"::|<| |\]|;", text, maxsplit=1)[0] or symbol[:20]


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    wasm = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    data = 0
    for sid, start, end in sections(wasm):
        if sid == 2:
            imports = imported_functions(wasm, start)
        elif sid == 10:
            count, pos = leb(wasm, start)
            for _ in range(count):
                size, body = leb(wasm, pos)
                bodies.append(size)
                pos = body + size
        elif sid == 11:
            data += end - start
        elif sid == 0:
            section, pos = name(wasm, start)
            if section != "name":
                continue
            while pos < end:
                kind = wasm[pos]
                size, pos = leb(wasm, pos + 1)
                if kind == 1:
                    count, p = leb(wasm, pos)
                    for _ in range(count):
                        index, p = leb(wasm, p)
                        names[index], p = name(wasm, p)
                pos += size
    if not names:
        sys.exit("no name section: use the wasm rustc wrote, before wasm-opt")
    crates = Counter()
    functions = []
    for i, size in enumerate(bodies):
        symbol = names.get(imports + i, f"func[{imports + i}]")
        crates[crate_of(symbol)] += size
        functions.append((size, symbol))
    code = sum(bodies)
    print(f"{path}: {len(wasm):,} bytes; code {code:,} in {len(bodies):,} functions; data {data:,}")
    print(f"{'crate':32} {'code bytes':>12} {'share':>6}")
    for crate, size in crates.most_common(top):
        print(f"{crate[:32]:32} {size:>12,} {100 * size / code:>5.1f}%")
    print("\nbiggest functions:")
    for size, symbol in sorted(functions, reverse=True)[:top]:
        print(f"{size:>10,}  {symbol[:110]}")


if __name__ == "__main__":
    main()
