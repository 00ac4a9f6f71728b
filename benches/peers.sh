#!/usr/bin/env bash
# Times `communique diff` on the generated ~5 MB pair against peer tools, in
# one run on one machine, and prints a Markdown table.
#
#   bash benches/peers.sh [--mb 5] [--seed 1] [--runs 5]
#
# Wall clock, best of N runs (hyperfine when installed, else a loop timed
# with `date +%s.%N`); peak RSS of communique from `/usr/bin/time -v`.
# A peer is one line in `peers` below: a name and a command using $OLD and
# $NEW; its exit status is ignored (diff tools exit 1 when files differ).
set -euo pipefail

MB=5
SEED=1
RUNS=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: bash benches/peers.sh [--mb 5] [--seed 1] [--runs 5]" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [[ ! -d "$ROOT/../shared/corpus" ]]; then
  echo "notice: $ROOT/../shared/corpus is absent; nothing to benchmark" >&2
  exit 0
fi

(cd "$ROOT" && cargo build --release --quiet --bin communique --example make_pair)
BIN="$TARGET/release/communique"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$TARGET/release/examples/make_pair" "$WORK" --mb "$MB" --seed "$SEED"
OLD="$WORK/old.txt"
NEW="$WORK/new.txt"
export OLD NEW BIN

# name|command — add peers here (wdiff, difflib, …); the first is the
# subject, ratios are to the peer named in REFERENCE.
peers=(
  "communique diff --format json|\"\$BIN\" diff \"\$OLD\" \"\$NEW\" --format json > /dev/null"
  "git diff --no-index --word-diff|git diff --no-index --word-diff \"\$OLD\" \"\$NEW\" > /dev/null"
)
REFERENCE="git diff --no-index --word-diff"

# Best wall-clock seconds of $RUNS runs of a shell command (after one warm-up).
best_time() {
  local cmd="$1"
  if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hf.json" --style none "$cmd" > /dev/null
    python3 -c 'import json,sys; print("%.3f" % min(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$WORK/hf.json"
    return
  fi
  bash -c "$cmd" || true
  local best="" start end t
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s.%N)
    bash -c "$cmd" || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.3f\n' "$best"
}

# Peak RSS in MB of one run of a shell command.
peak_rss() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "n/a (install GNU time: apt-get install time)"
    return
  fi
  /usr/bin/time -v bash -c "$1" 2> "$WORK/time.txt" > /dev/null || true
  awk -F': ' '/Maximum resident set size/ { printf "%.0f MB\n", $2 / 1024 }' "$WORK/time.txt"
}

declare -A times rss
for peer in "${peers[@]}"; do
  name="${peer%%|*}"
  cmd="${peer#*|}"
  times[$name]=$(best_time "$cmd")
  rss[$name]=$(peak_rss "$cmd")
done

echo
echo "Pair: $(wc -c < "$OLD") + $(wc -c < "$NEW") bytes (--mb $MB --seed $SEED), best of $RUNS runs, $(nproc) cores"
echo
echo "| tool | time (s) | × $REFERENCE | peak RSS |"
echo "|---|---:|---:|---:|"
for peer in "${peers[@]}"; do
  name="${peer%%|*}"
  ratio=$(echo "${times[$name]} / ${times[$REFERENCE]}" | bc -l)
  printf '| `%s` | %s | %.1f | %s |\n' "$name" "${times[$name]}" "$ratio" "${rss[$name]}"
done
