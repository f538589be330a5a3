#!/bin/sh
# Builds the page's on-demand PDF reader, pdf-text.wasm (crates/pdf-wasm: the CLI's reader with
# no imports), into OUT_DIR — trunk runs this as a post_build hook with TRUNK_STAGING_DIR.
# Always the wasm-release profile: a debug build of the reader is several times larger and slower.
# wasm-opt is told exactly Chromium 86's features (as .cargo/config.toml); scripts/dist.py
# validates the result like the main module.
#
#   sh scripts/pdf_module.sh [OUT_DIR]
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
out="${1:-${TRUNK_STAGING_DIR:?give OUT_DIR or run from trunk}}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet -p pdf-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-opt -Oz --mvp-features --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-bulk-memory "$target/wasm32-unknown-unknown/wasm-release/pdf_wasm.wasm" -o "$out/pdf-text.wasm"
