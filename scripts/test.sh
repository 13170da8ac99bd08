#!/usr/bin/env bash
# Runs every test of jiuzhu (the README's "run every test" command; CI runs it through .ci/run):
#   1. setup (scripts/setup.sh: tools, idempotent)
#   2. native tests: cargo test --all-targets, then the doc tests
#   3. browser tests: the engine and the UI compiled to wasm, in headless Chromium
#      (cargo test --target wasm32-unknown-unknown --test browser, via wasm-bindgen-test-runner)
#   4. the release build of the app: trunk build --release (proves the app bundles)
#   5. end-to-end on the built dist/: Playwright + axe in Debian's Chromium (e2e/), size report
#      with its budgets (scripts/size-report.sh fails the run over them)
#      (the offline/PWA test also uses a second build for the sub-path /jiuzhu/)
# Every step runs even if an earlier one failed; the summary at the end lists each one and the
# script exits non-zero if any failed. JIUZHU_CLIPPY=1 adds cargo clippy -D warnings (native and wasm32).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! bash scripts/setup.sh; then
  echo "test.sh: setup failed" >&2
  echo "SUMMARY: setup FAILED"
  exit 1
fi
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

results=()
failed=0
step() {
  local name="$1"
  shift
  printf '\n==> %s\n$ %s\n' "$name" "$*"
  local start=$SECONDS
  if "$@"; then
    results+=("PASS  $name ($((SECONDS - start))s)")
  else
    results+=("FAIL  $name ($((SECONDS - start))s)")
    failed=$((failed + 1))
  fi
}

step "native tests" cargo test --all-targets
step "doc tests" cargo test --doc
if [ "${JIUZHU_CLIPPY:-0}" = 1 ]; then
  step "clippy" cargo clippy --all-targets -- -D warnings
  step "clippy (wasm32: UI and browser tests)" cargo clippy --target wasm32-unknown-unknown \
    --lib --bins --test browser --test browser_result --test browser_outreach -- -D warnings
fi
step "browser tests (wasm32, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --test browser
step "result screen component tests (wasm32, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --test browser_result
step "outreach component tests (wasm32, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --test browser_outreach
rm -rf dist
step "release build (trunk build --release)" trunk build --release
if [ -f dist/index.html ]; then
  # The offline test (e2e/offline.spec.mjs) also needs the app built for a sub-path.
  step "release build for a sub-path (trunk build --release --public-url /jiuzhu/)" \
    trunk build --release --public-url /jiuzhu/ --dist target/e2e/dist-jiuzhu
  step "end-to-end on dist/ (Playwright + axe, Debian Chromium)" playwright test
  # The size budgets (issue 11, BENCHMARKS.md "App size" and "Embedding"). The targets are
  # 200 KiB gzip for the first screen (needs the app split into modules: designed in
  # BENCHMARKS.md, not built) and 150 KiB for the engine-only module for portals (not met).
  # Until they are met, the budgets here are the ceilings measured, with ~1-2 % room, so a
  # regression beyond them fails the run. First screen: 488.9 KiB on 30 Nov 2026 after the
  # fourth pass (495.5 KiB once the resident's wasm lost the portals' JS API and the float
  # formatting); 500 KiB keeps it under issue 10's line (505.1 KiB, the first screen before the
  # division tree and the picker). Engine-only: 182.7 KiB after the third pass (s3-engine).
  # Lower them as levers land; the defaults are the targets.
  step "size report (budgets: first screen 500 KiB, engine-only 186 KiB, until the targets)" \
    bash scripts/size-report.sh dist 500 186
else
  results+=("SKIP  end-to-end and size report (no dist/)")
fi

echo
echo "==================== jiuzhu test summary ===================="
for r in "${results[@]}"; do echo "$r"; done
echo "============================================================="
if [ "$failed" -gt 0 ]; then
  echo "$failed step(s) FAILED"
  exit 1
fi
echo "all ${#results[@]} steps passed"
