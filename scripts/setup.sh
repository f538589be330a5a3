#!/usr/bin/env bash
# Installs every tool the app and the tests need, idempotently, from the package registries only:
# the wasm32 target, trunk, wasm-bindgen-cli (the version Cargo.lock pins), a wasm-opt that can read
# what this rustc emits (npm's binaryen; Debian's is too old), Chromium + chromedriver, a CJK font
# Firefox ESR and, for the oldest supported kernel, npm's Chromium 86 with puppeteer-core.
# Usage: scripts/setup.sh [app|test]   (app skips the browser)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-test}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
OLD_CHROMIUM_PACKAGE=5.3.1
TOOLS_DIR=${BUDGET_CHECK_TOOLS:-$HOME/.cache/budget-check-tools}

log() { printf '[setup] %s\n' "$*" >&2; }

# Runnable on its own too: cargo-installed tools and npm's wasm-opt must be found below.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

apt_install() {
  log "installing $* from Debian"
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >&2
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$bindgen_version" ] || { log "no wasm-bindgen in Cargo.lock"; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (must equal Cargo.lock)"
  # --locked fails for this crate: one of its locked dependencies is gone from the registry.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -qw "version $BINARYEN_VERSION"; then
  command -v npm >/dev/null || apt_install nodejs npm
  log "installing binaryen@$BINARYEN_VERSION (wasm-opt) from npm into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >&2
fi

if [ "$want" = test ]; then
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
  done
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  # Current Firefox for tests/e2e_compat.rs, driven over its own Marionette port.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
  fi

  # The oldest browser the page supports: Chromium 86 (360 安全浏览器 13's kernel), as npm's
  # chrome-aws-lambda ships it (brotli-compressed, with the libraries it needs), driven by
  # puppeteer-core of the same release (no chromedriver exists for it). tests/e2e_compat.rs.
  old_dir="$TOOLS_DIR/chromium86"
  old_stamp="$old_dir/chrome/installed-$OLD_CHROMIUM_PACKAGE"
  if [ ! -e "$old_stamp" ]; then
    command -v npm >/dev/null || apt_install nodejs npm
    log "installing Chromium 86 (chrome-aws-lambda@$OLD_CHROMIUM_PACKAGE, puppeteer-core@$OLD_CHROMIUM_PACKAGE) from npm into $old_dir"
    mkdir -p "$old_dir"
    npm install --prefix "$old_dir" --no-audit --no-fund \
      "chrome-aws-lambda@$OLD_CHROMIUM_PACKAGE" "puppeteer-core@$OLD_CHROMIUM_PACKAGE" >&2
    rm -rf "$old_dir/chrome"
    mkdir -p "$old_dir/chrome/swiftshader"
    (
      cd "$old_dir"
      node -e '
        const fs = require("fs"), zlib = require("zlib");
        for (const f of ["chromium", "aws.tar", "swiftshader.tar"])
          fs.writeFileSync("chrome/" + f, zlib.brotliDecompressSync(fs.readFileSync("node_modules/chrome-aws-lambda/bin/" + f + ".br")));'
      cd chrome
      tar xf aws.tar
      tar xf swiftshader.tar -C swiftshader
      rm aws.tar swiftshader.tar
      chmod +x chromium
    )
    touch "$old_stamp"
  fi
fi
log "tools ready"
