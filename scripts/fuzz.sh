#!/usr/bin/env bash
# Fuzzes the JSON entry point (jiuzhu::rules::evaluate_json) with cargo-fuzz / libFuzzer.
#   bash scripts/fuzz.sh [seconds]     (default 600)
# Needs the nightly toolchain and cargo-fuzz: JIUZHU_FUZZ=1 bash scripts/setup.sh.
# The corpus starts from the sample households and the golden cases' households; what the fuzzer
# finds is kept in fuzz/corpus/ and crashes in fuzz/artifacts/ (both git-ignored). The last lines
# of the log give executions, exec/s, coverage and corpus size (see BENCHMARKS.md, Fuzzing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_TO_RUN="${1:-600}"
CORPUS=fuzz/corpus/evaluate_json
mkdir -p "$CORPUS"
cp samples/*.json "$CORPUS"/ 2>/dev/null || true
rm -f "$CORPUS/index.json"
python3 - "$CORPUS" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for f in sorted(pathlib.Path("tests/golden").glob("*.json")):
    case = json.loads(f.read_text())
    (out / f"golden-{f.stem}.json").write_text(json.dumps(case["household"], ensure_ascii=False))
PY
cd fuzz
cargo +nightly fuzz run evaluate_json "corpus/evaluate_json" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -print_final_stats=1 2>&1 | tee ../target/fuzz.log | grep -E "^#[0-9]+ +(pulse|DONE|NEW)|stat::|ERROR|panicked" | tail -40
