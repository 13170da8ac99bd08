#!/usr/bin/env bash
# Installs everything jiuzhu needs to build and test, on a fresh Debian machine of the project's
# kind (Rust stable via rustup, Node 20 + npm, root; only crates.io, npm, PyPI and Debian reachable).
# Idempotent: each step checks first and does nothing when the tool is already there.
#
#   bash scripts/setup.sh            # everything for run.sh and test.sh
#   JIUZHU_FUZZ=1 bash scripts/setup.sh   # also cargo-fuzz (needs a nightly toolchain)
#
# Sourcing is not needed: scripts that use wasm-opt put node_modules/.bin on PATH themselves.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# --- Debian packages: Chromium + ChromeDriver (browser tests), CJK fonts (screenshots), brotli
#     (size report). apt-get update first: on a fresh machine the package lists are empty.
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
else
  say "Debian packages: chromium, chromium-driver, fonts-noto-cjk, brotli already installed"
fi

# --- Rust target for the browser build.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown already installed"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- Trunk (the bundler). 0.22 needs a newer rustc than the machine has: pin 0.21.14.
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION already installed"
else
  say "cargo install trunk@$TRUNK_VERSION (takes ~6-8 min)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# --- wasm-bindgen CLI (+ wasm-bindgen-test-runner): must equal the wasm-bindgen in Cargo.lock.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$WBG_VERSION" ]; then
  echo "setup.sh: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WBG_VERSION" ] &&
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $WBG_VERSION" ]; then
  say "wasm-bindgen-cli $WBG_VERSION already installed"
else
  say "cargo install wasm-bindgen-cli --version $WBG_VERSION (takes ~10-12 min)"
  cargo install --locked wasm-bindgen-cli --version "$WBG_VERSION" ||
    cargo install --force wasm-bindgen-cli --version "$WBG_VERSION"
fi
# Trunk.toml must ask for the same version, or Trunk (offline) refuses to build.
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup.sh: Trunk.toml [tools] wasm_bindgen differs from Cargo.lock's wasm-bindgen $WBG_VERSION" >&2
  exit 1
fi

# --- npm tools: wasm-opt (binaryen 132), Playwright test runner, axe, workbox-build (writes the
#     service worker in the Trunk post_build hook). Never downloads a browser.
if [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ] &&
  wasm-opt --version 2>/dev/null | grep -q 'version_132'; then
  say "npm packages already installed (node_modules up to date)"
else
  say "npm ci"
  npm ci --no-audit --no-fund
fi

# --- Crates for every target (native and wasm32). Trunk builds with `cargo --offline`, so the
#     wasm-only crates (yew, web-sys...) must be in cargo's cache before the first trunk build.
say "cargo fetch --locked"
if ! cargo fetch --locked; then
  echo "setup.sh: cargo fetch --locked failed: is Cargo.lock committed and in step with Cargo.toml?" >&2
  exit 1
fi

# --- Optional: fuzzing (cargo-fuzz needs nightly). Only on request.
if [ "${JIUZHU_FUZZ:-0}" = 1 ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "rustup toolchain install nightly --profile minimal"
    if ! rustup toolchain install nightly --profile minimal; then
      echo "setup.sh: JIUZHU_FUZZ=1 needs a nightly toolchain and rustup could not install one" >&2
      echo "          (cargo-fuzz needs -Z sanitizer flags; see scripts/fuzz.sh)" >&2
      exit 1
    fi
  fi
  if cargo +nightly fuzz --version >/dev/null 2>&1; then
    say "cargo-fuzz already installed"
  else
    say "cargo install cargo-fuzz"
    cargo install --locked cargo-fuzz || cargo install cargo-fuzz
  fi
fi

say "setup done: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
