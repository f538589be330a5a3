#!/usr/bin/env python3
"""Finishes a `trunk build --release` dist folder: checks it and adds the single file.

    python3 scripts/dist.py DIST [--max-first-load BYTES]
    python3 scripts/dist.py --validate FILE.wasm [--reader]    (step 1 only)

1. Validates the wasm against the features Chromium 86 has (see .cargo/config.toml): binaryen's
   wasm-opt, restricted to exactly those features, must accept it; and no function type may use
   reference types or return more than one value (multivalue). The page's wasm is optimised
   again on the way (-Oz until it converges), within the same features.
2. Checks that every inline <script>/<style> of index.html is allowed by its Content-Security-Policy
   (by hash), so the policy and the page cannot drift apart.
   The reader modules pdf-text.wasm and sheet-text.wasm (loaded only when a PDF or a workbook
   arrives) are validated the same way.
3. Writes DIST/budget-check.html: one self-contained file (CSS, wasm-bindgen glue, loader, the
   wasm and the reader modules as base64 inline, the example text as it is) that works opened from file:// — a share, a USB
   stick, a mail attachment. Its policy allows exactly its own inline scripts and styles (by
   hash), the readers' blob: workers, and no network at all.
4. Strips comments and layout white space from the stylesheet, and comments and indentation from
   the loader and the wasm-bindgen glue, in place: they are for the source, not for every
   visitor's first load.
5. Prints each file's size and gzipped size, and fails if the hosted page's first load (HTML, CSS,
   loader, glue, wasm; gzipped — never the reader modules nor the example) is over --max-first-load.
"""

import argparse
import base64
import gzip
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Chromium 86's WebAssembly features beyond the MVP; keep in step with .cargo/config.toml.
WASM_OPT_FEATURES = [
    "--mvp-features",
    "--enable-mutable-globals",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-bulk-memory",
]
SINGLE = "budget-check.html"
# The on-demand reader modules (scripts/reader_modules.sh) by the loader attribute naming each
# (data-KIND); the single file holds each as #KIND-wasm-base64.
READER_MODULES = {"pdf": "pdf-text.wasm", "sheet": "sheet-text.wasm"}
# The example text (载入示例), fetched beside index.html, inline in the single file.
EXAMPLE = "seed.txt"


def fail(message):
    sys.exit(f"dist.py: {message}")


def attr(tag, name):
    """The value of attribute `name` in one start tag, quoted or not."""
    m = re.search(r'\s%s=(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))' % re.escape(name), tag)
    if not m:
        return None
    return html.unescape(next(g for g in m.groups() if g is not None))


def one(pattern, text, what):
    found = re.findall(pattern, text, flags=re.S)
    if len(found) != 1:
        fail(f"expected one {what} in index.html, found {len(found)}")
    return found[0]


def local(dist, url):
    path = url[2:] if url.startswith("./") else url
    if "/" in path.strip("/") or path.startswith(("/", "http:", "https:")):
        fail(f"{url} is not a file beside index.html")
    return os.path.join(dist, path)


def sha256(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


# --- the wasm -----------------------------------------------------------------------------------


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(wasm):
    """(id, start, end) of each section of a module."""
    if wasm[:4] != b"\0asm":
        fail("the wasm has no wasm header")
    pos = 8
    while pos < len(wasm):
        section, pos = wasm[pos], pos + 1
        size, pos = leb(wasm, pos)
        yield section, pos, pos + size
        pos += size


def check_types(wasm):
    """No function type with a reference type (externref 0x6f, funcref 0x70) among its params or
    results, and none with more than one result: those need reference-types / multivalue."""
    for section, pos, _ in sections(wasm):
        if section != 1:
            continue
        count, p = leb(wasm, pos)
        for index in range(count):
            if wasm[p] != 0x60:
                fail(f"type {index} is not a function type (0x{wasm[p]:02x})")
            p += 1
            params, p = leb(wasm, p)
            kinds = wasm[p : p + params]
            p += params
            results, p = leb(wasm, p)
            kinds += wasm[p : p + results]
            p += results
            if results > 1:
                fail(f"function type {index} returns {results} values: needs multivalue")
            if any(k in (0x6F, 0x70) for k in kinds):
                fail(f"function type {index} passes a reference: needs reference-types")
        return count
    return 0


def import_count(wasm):
    for section, pos, _ in sections(wasm):
        if section == 2:
            return leb(wasm, pos)[0]
    return 0


def validate(wasm_path, shrink=False, bare=False):
    """Step 1; a `bare` module (a reader, instantiated by its worker with nothing) must import
    nothing. With `shrink`, the module is also optimised again until it stops getting smaller
    (trunk's wasm-opt -Oz runs once): 1.1 KB less of the first load, for about a minute of build.
    --low-memory-unused lets it fold constant offsets into loads and stores (3.7 KB less): it
    assumes no address below 1 KiB is reached by wrapping past 4 GiB, which only a stack
    overflowing its 1 MiB (a trap either way) could do."""
    wasm_opt = shutil.which("wasm-opt")
    if not wasm_opt:
        fail("wasm-opt is not on PATH; run scripts/setup.sh")
    passes = ["-Oz", "--converge", "--low-memory-unused", "--strip-producers"] if shrink else []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "check.wasm")
        # wasm-opt validates what it reads against the enabled features; nothing else is enabled.
        run = subprocess.run(
            [wasm_opt, *WASM_OPT_FEATURES, *passes, wasm_path, "-o", out], capture_output=True, text=True
        )
        if run.returncode == 0 and shrink:
            shutil.copyfile(out, wasm_path)
    if run.returncode != 0:
        fail(f"the wasm uses a feature Chromium 86 lacks ({' '.join(WASM_OPT_FEATURES)}):\n{run.stderr[-3000:]}")
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    types = check_types(wasm)
    if bare and import_count(wasm):
        fail(f"{os.path.basename(wasm_path)} imports {import_count(wasm)} item(s); its worker provides none")
    print(f"dist.py: {os.path.basename(wasm_path)} valid for {' '.join(WASM_OPT_FEATURES)}; {types} function types, none multivalue or reference")


# --- the pages ----------------------------------------------------------------------------------

CSP_RE = r'<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"\s*/?>'


def inline_blocks(page, tag):
    """The text of every inline <script>/<style> that the browser would run or apply."""
    blocks = []
    for start, body in re.findall(r"(<%s\b[^>]*>)(.*?)</%s>" % (tag, tag), page, flags=re.S):
        if tag == "script" and (attr(start, "src") is not None or (attr(start, "type") or "text/javascript") not in ("text/javascript", "module")):
            continue
        blocks.append(body)
    return blocks


def check_policy(page, name):
    policy = html.unescape(one(CSP_RE, page, "Content-Security-Policy <meta>"))
    directives = dict((d.split()[0], d.split()[1:]) for d in policy.split(";") if d.strip())
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        allowed = directives.get(directive, directives.get("default-src", []))
        for body in inline_blocks(page, tag):
            if sha256(body) not in allowed:
                fail(f"{name}: an inline <{tag}> ({body[:60]!r}…) is not in the policy's {directive} {sha256(body)}")
    if any(h for d in directives.values() for h in d if "://" in h or h in ("*", "http:", "https:")):
        fail(f"{name}: the policy allows another host: {policy}")
    return policy


def single_file(dist, page, boot_tag, glue, wasm, readers, css_tag, css):
    for name, text in (("glue", glue), ("boot.js", boot_js(dist))):
        if re.search(r"</script|<!--", text, flags=re.I):
            fail(f"{name} contains </script or <!--: it cannot be inlined as is")
    if re.search(r"</style", css, flags=re.I):
        fail("the stylesheet contains </style")
    boot = boot_js(dist)
    example = read_text(os.path.join(dist, EXAMPLE))
    if re.search(r"</script|<!--", example, flags=re.I):
        fail(f"{EXAMPLE} contains </script or <!--: it cannot be inlined as is")
    b64 = base64.b64encode(wasm).decode()
    scripts = (
        '<script type="application/octet-stream" id="wasm-base64">%s</script>\n'
        '<script type="text/plain" id="example-text">%s</script>\n'
        "<script>%s</script>\n"
        '<script id="boot">%s</script>' % (b64, example, glue, boot)
    )
    modules = "".join(
        '<script type="application/octet-stream" id="%s-wasm-base64">%s</script>\n' % (kind, base64.b64encode(module).decode())
        for kind, module in readers.items()
    )
    scripts = modules + scripts
    out = page.replace(boot_tag, scripts, 1)
    out = out.replace(css_tag, "<style>%s</style>" % css, 1)
    out = re.sub(r'<link rel="?preload"?[^>]*>\s*', "", out)
    styles = " ".join(sha256(s) for s in inline_blocks(out, "style"))
    policy = (
        "default-src 'none'; script-src %s %s 'unsafe-eval'; style-src %s; "
        "connect-src blob:; worker-src blob:; img-src data:; base-uri 'none'; form-action 'none'" % (sha256(glue), sha256(boot), styles)
    )
    out = re.sub(CSP_RE, lambda m: m.group(0).replace(m.group(1), policy), out, count=1)
    check_policy(out, SINGLE)
    if re.search(r'\s(?:src|href)="?(?!data:|#)[^"\s>]+', re.sub(r"<script.*?</script>|<style.*?</style>", "", out, flags=re.S)):
        fail(f"{SINGLE} still refers to another file")
    return out


def minify_css(css):
    """Comments out, white space collapsed, none around `{ } ; , >` (no string in the sheet holds them)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip() + "\n"


def strip_js_comments(js):
    """Block comments and whole-line `//` comments out, lines trimmed; the code itself untouched."""
    js = re.sub(r"/\*.*?\*/", "", js, flags=re.S)
    lines = (line.strip() for line in js.split("\n"))
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def rewrite(path, change):
    text = read_text(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(text))


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def boot_js(dist):
    return read_text(os.path.join(dist, "boot.js"))


def gz(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dist", nargs="?")
    parser.add_argument("--max-first-load", type=int, default=None, help="bytes, gzipped")
    parser.add_argument("--validate", metavar="WASM", help="only check this module's features")
    parser.add_argument("--reader", action="store_true", help="with --validate: a reader module, which may import nothing")
    args = parser.parse_args()
    if args.validate:
        validate(args.validate, bare=args.reader)
        return
    if not args.dist:
        parser.error("DIST is required")
    dist = args.dist
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        page = f.read()

    boot_tag = one(r'<script id="?boot"?[^>]*>\s*</script>', page, "boot <script>")
    glue_path, wasm_path = local(dist, attr(boot_tag, "data-glue")), local(dist, attr(boot_tag, "data-wasm"))
    css_tag = one(r'<link rel="?stylesheet"?[^>]*>', page, "stylesheet <link>")
    css_path = local(dist, attr(css_tag, "href"))
    if attr(css_tag, "integrity") is not None:
        fail("the stylesheet has an integrity attribute: Chromium blocks it from file://")

    reader_paths = {kind: local(dist, attr(boot_tag, "data-" + kind) or "") for kind in READER_MODULES}
    for kind, path in reader_paths.items():
        if os.path.basename(path) != READER_MODULES[kind] or not os.path.isfile(path):
            fail(f"the loader's data-{kind} names {path}, expected {READER_MODULES[kind]} built by scripts/reader_modules.sh")
    rewrite(css_path, minify_css)
    rewrite(os.path.join(dist, "boot.js"), strip_js_comments)
    rewrite(glue_path, strip_js_comments)
    validate(wasm_path, shrink=True)
    for path in reader_paths.values():
        validate(path, bare=True)
    check_policy(page, "index.html")

    with open(glue_path, encoding="utf-8") as f:
        glue = f.read()
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    readers = {}
    for kind, path in reader_paths.items():
        with open(path, "rb") as f:
            readers[kind] = f.read()
    with open(css_path, encoding="utf-8") as f:
        css = f.read()
    single = single_file(dist, page, boot_tag, glue, wasm, readers, css_tag, css)
    with open(os.path.join(dist, SINGLE), "w", encoding="utf-8") as f:
        f.write(single)

    first_load = [os.path.join(dist, "index.html"), css_path, os.path.join(dist, "boot.js"), glue_path, wasm_path]
    total = 0
    print("dist.py: file sizes (bytes; gzip -9)")
    for name in sorted(os.listdir(dist)):
        path = os.path.join(dist, name)
        with open(path, "rb") as f:
            data = f.read()
        packed = gz(data)
        if path in first_load:
            total += packed
        print(f"  {name:44} {len(data):>10,} {packed:>10,}")
    print(f"  {'first load of index.html (gzipped)':44} {'':>10} {total:>10,}")
    if args.max_first_load is not None and total > args.max_first_load:
        fail(f"the first load is {total:,} bytes gzipped, over the budget of {args.max_first_load:,}")


if __name__ == "__main__":
    main()
