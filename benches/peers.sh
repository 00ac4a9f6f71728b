#!/usr/bin/env bash
# Times `communique diff` against peer tools on the same pair, in one run on
# one machine, and prints Markdown tables: each tool's best time, communique's
# time as a ratio to it, and each tool's peak RSS.
#
#   bash benches/peers.sh [--mb 5] [--seed 1] [--rate 0.05] [--runs 10] [--small]
#
# The first table is the generated ~5 MB pair (examples/make_pair.rs, the
# pair the criterion bench uses). With --small, a second table is a small real
# pair from the corpus: UN General Assembly resolutions 78/35 (2023) and 79/38
# (2024) on the TPNW.
#
# Peers (a missing one prints "n/a"; install: apt-get install wdiff time):
# - `git diff --no-index --word-diff`: git's line diff, then words inside
#   changed hunks;
# - GNU `wdiff`: a word diff of the whole texts (through diff(1));
# - Python difflib: benches/difflib_peer.py, `difflib.unified_diff` over the
#   lines with three lines of context (see that file).
# None of them pairs revised sentences, detects moves or reads commitments.
#
# --rate is the share of sentences the generated pair edits (issue 18's second
# pair: --seed 2 --rate 0.4).
#
# Wall clock, best and median of N runs after one warm-up (hyperfine when installed,
# else a loop timed with `date +%s.%N`); peak RSS from `/usr/bin/time -v`.
# Needs only bash, awk, coreutils and the tools above (no bc).
# Exit statuses of the tools are ignored (diff tools exit 1 on differences).
set -euo pipefail

MB=5
SEED=1
RATE=0.05
RUNS=10
SMALL=0
usage="usage: bash benches/peers.sh [--mb 5] [--seed 1] [--rate 0.05] [--runs 10] [--small]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --small) SMALL=1; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
CORPUS="$ROOT/../shared/corpus"
if [[ ! -d "$CORPUS" ]]; then
  echo "notice: $CORPUS is absent; nothing to benchmark" >&2
  exit 0
fi

(cd "$ROOT" && cargo build --release --quiet --bin communique --example make_pair)
BIN="$TARGET/release/communique"
PEER_PY="$ROOT/benches/difflib_peer.py"
export BIN PEER_PY

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# name|program it needs|command using $OLD and $NEW. The first is the subject.
peers=(
  "communique diff --format json|$BIN|\"\$BIN\" diff \"\$OLD\" \"\$NEW\" --format json > /dev/null"
  "git diff --no-index --word-diff|git|git diff --no-index --word-diff \"\$OLD\" \"\$NEW\" > /dev/null"
  "wdiff|wdiff|wdiff \"\$OLD\" \"\$NEW\" > /dev/null"
  "python3 difflib.unified_diff|python3|python3 \"\$PEER_PY\" \"\$OLD\" \"\$NEW\" > /dev/null"
)

# Best and median wall-clock seconds of $RUNS runs of a shell command (after
# one warm-up), as "BEST MEDIAN".
best_time() {
  local cmd="$1"
  if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hf.json" --style none "$cmd" > /dev/null
    python3 -c 'import json,sys,statistics; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print("%.4f %.4f" % (min(t), statistics.median(t)))' "$WORK/hf.json"
    return
  fi
  bash -c "$cmd" || true
  local start end
  : > "$WORK/times.txt"
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s.%N)
    bash -c "$cmd" || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }' >> "$WORK/times.txt"
  done
  sort -g "$WORK/times.txt" | awk '{ t[NR] = $1 } END {
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%.4f %.4f\n", t[1], m }'
}

# Peak RSS in MB of one run of a shell command.
peak_rss() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "n/a"
    return
  fi
  /usr/bin/time -v bash -c "$1" 2> "$WORK/time.txt" > /dev/null || true
  awk -F': ' '/Maximum resident set size/ { printf "%.0f MB\n", $2 / 1024 }' "$WORK/time.txt"
}

# One table: every peer on $OLD and $NEW.
table() {
  local title="$1"
  declare -A times medians rss
  local peer name prog cmd best median subject=""
  for peer in "${peers[@]}"; do
    IFS='|' read -r name prog cmd <<< "$peer"
    [[ -z "$subject" ]] && subject="$name"
    if ! command -v "$prog" > /dev/null; then
      times[$name]="n/a"
      medians[$name]="n/a"
      rss[$name]="n/a"
      continue
    fi
    read -r best median <<< "$(best_time "$cmd")"
    times[$name]=$best
    medians[$name]=$median
    rss[$name]=$(peak_rss "$cmd")
  done
  echo
  echo "$title: $(wc -c < "$OLD") + $(wc -c < "$NEW") bytes, best and median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  echo
  echo "| tool | best (s) | median (s) | communique ÷ tool, best | median | peak RSS |"
  echo "|---|---:|---:|---:|---:|---:|"
  for peer in "${peers[@]}"; do
    IFS='|' read -r name prog cmd <<< "$peer"
    local t="${times[$name]}" m="${medians[$name]}" ratio ratio_median
    if [[ "$name" == "$subject" ]]; then
      ratio="—"
      ratio_median="—"
    elif [[ "$t" == "n/a" || "${times[$subject]}" == "n/a" ]]; then
      ratio="n/a"
      ratio_median="n/a"
    else
      ratio=$(awk -v s="${times[$subject]}" -v t="$t" 'BEGIN { printf "%.2f×", s / t }')
      ratio_median=$(awk -v s="${medians[$subject]}" -v t="$m" 'BEGIN { printf "%.2f×", s / t }')
    fi
    printf '| `%s` | %s | %s | %s | %s | %s |\n' "$name" "$t" "$m" "$ratio" "$ratio_median" "${rss[$name]}"
  done
}

"$TARGET/release/examples/make_pair" "$WORK" --mb "$MB" --seed "$SEED" --rate "$RATE" > /dev/null
export OLD="$WORK/old.txt" NEW="$WORK/new.txt"
table "Generated pair (--mb $MB --seed $SEED --rate $RATE)"

if [[ "$SMALL" == 1 ]]; then
  export OLD="$CORPUS/unga-tpnw/2023-12-04-a-res-78-35.txt"
  export NEW="$CORPUS/unga-tpnw/2024-12-02-a-res-79-38.txt"
  table "Real pair (unga-tpnw 2023-12-04 A/RES/78/35 → 2024-12-02 A/RES/79/38)"
fi
