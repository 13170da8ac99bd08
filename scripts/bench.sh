#!/usr/bin/env bash
# Engine and CLI batch benchmarks, as reported in BENCHMARKS.md ("Engine", "Batch throughput").
#
#   bash scripts/bench.sh [N] [RUNS]     N households for the batch run (default 1000000),
#                                        RUNS timed batch runs per binary (default 3)
#
# 1. criterion (benches/evaluate.rs) with the `native` profile (release optimised for speed);
#    prints the median of each benchmark.
# 2. N varied, valid households generated as JSON lines (examples/gen_households.rs, fixed
#    seed: the same file every time), then `jiuzhu evaluate --batch < in > out` pinned to one
#    core (taskset), for the `native` build and for the `release` build (opt-level "z", the
#    profile the wasm app ships with); prints the best of RUNS as households per second.
# Everything it writes stays under target/bench/ (the input is ~520 MB for 1,000,000 lines).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
N="${1:-1000000}"
RUNS="${2:-3}"
OUT=target/bench
mkdir -p "$OUT"

echo "## machine"
echo "cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $(rustc --version); commit $(git rev-parse --short HEAD)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "## engine (criterion medians, --profile native)"
cargo bench -q --profile native --bench evaluate -- --warm-up-time 2 --measurement-time 5 >"$OUT/criterion.log" 2>&1 ||
  { cat "$OUT/criterion.log"; exit 1; }
python3 - <<'PY'
import glob, json, os
rows = []
for f in glob.glob("target/criterion/*/new/estimates.json"):
    d = os.path.dirname(f)
    name = json.load(open(os.path.join(d, "benchmark.json")))["full_id"]
    e = json.load(open(f))["median"]
    rows.append((name, e["point_estimate"] / 1000, e["confidence_interval"]["lower_bound"] / 1000,
                 e["confidence_interval"]["upper_bound"] / 1000))
print("| benchmark | median | 95% interval |")
print("|---|---|---|")
for name, m, lo, hi in sorted(rows):
    print(f"| {name} | {m:.2f} µs | {lo:.2f}–{hi:.2f} µs |")
PY

echo
echo "## batch throughput ($N households, one core)"
cargo build -q --profile native --bin jiuzhu --example gen_households
cargo build -q --release --bin jiuzhu
IN="$OUT/households.jsonl"
target/native/examples/gen_households "$N" >"$IN"
echo "input: $(wc -l <"$IN") lines, $(du -m "$IN" | cut -f1) MB"
echo "| binary | best of $RUNS | households/s | µs per household |"
echo "|---|---|---|---|"
for bin in target/native/jiuzhu target/release/jiuzhu; do
  best=""
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    taskset -c 0 "$bin" evaluate --batch <"$IN" >"$OUT/out.jsonl" || [ $? -eq 1 ]
    end=$(date +%s.%N)
    t=$(python3 -c "print(f'{$end - $start:.3f}')")
    best=$(python3 -c "print(min(x for x in [$t, ${best:-1e9}]))")
  done
  lines=$(wc -l <"$OUT/out.jsonl")
  [ "$lines" -eq "$(wc -l <"$IN")" ] || { echo "$bin wrote $lines lines for $N" >&2; exit 1; }
  python3 -c "print(f'| \`$bin\` | {$best:.2f} s | {$N / $best:,.0f} | {$best / $N * 1e6:.2f} |')"
done
echo "errors in the output: $(grep -c '"error"' "$OUT/out.jsonl" || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
