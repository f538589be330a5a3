#!/bin/sh
# Builds the page's on-demand readers into OUT_DIR — pdf-text.wasm (crates/pdf-wasm) and
# sheet-text.wasm (crates/sheet-wasm): the CLI's readers with no imports. Trunk runs this as a
# post_build hook with TRUNK_STAGING_DIR.
# Always the wasm-release profile: a debug build of a reader is several times larger and slower.
# binaryen is told exactly Chromium 86's features (as .cargo/config.toml); scripts/dist.py
# validates the results like the main module.
#
#   sh scripts/reader_modules.sh [OUT_DIR]
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
out="${1:-${TRUNK_STAGING_DIR:?give OUT_DIR or run from trunk}}"
target="${CARGO_TARGET_DIR:-target}"
features="--mvp-features --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int --enable-bulk-memory"
cargo build --quiet -p pdf-wasm -p sheet-wasm --target wasm32-unknown-unknown --profile wasm-release
# A module answers through alloc, read and its memory, nothing else. zip (under calamine) links
# getrandom's wasm-bindgen backend, whose exports would bring wasm-bindgen's runtime and an import
# no worker provides; a workbook is read without it (only writing encrypted zips draws random
# numbers), so wasm-metadce keeps what those three reach and drops the rest.
graph="$(mktemp)"
trap 'rm -f "$graph" "$graph.wasm"' EXIT
echo '[{"name":"page","root":true,"reaches":["alloc","read","memory"]},
  {"name":"alloc","export":"alloc"},{"name":"read","export":"read"},{"name":"memory","export":"memory"}]' >"$graph"
for module in pdf sheet; do
  # shellcheck disable=SC2086
  wasm-metadce $features --graph-file "$graph" "$target/wasm32-unknown-unknown/wasm-release/${module}_wasm.wasm" \
    -o "$graph.wasm" >/dev/null
  # shellcheck disable=SC2086
  wasm-opt -Oz $features "$graph.wasm" -o "$out/$module-text.wasm"
done
