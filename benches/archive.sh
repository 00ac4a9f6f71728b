#!/usr/bin/env bash
# The archive benchmark of issue 18: a generated store of SERIES × VERSIONS
# statements (examples/make_archive.rs: 30–60 corpus sentences each, every
# version ~8% edited from the one before), built once in a temp folder, then
# the commands a user runs on an archive, timed cold and warm.
#
#   bash benches/archive.sh [--series 100] [--versions 200] [--runs 5] [--curve] [--keep DIR]
#
# Prints a Markdown table: the import of the whole archive (one `import` run
# per series), `precedent` of a statement in the middle of a series (cold:
# with no index under .git/communique; warm: best and median of RUNS),
# `log SERIES`, `trace` of a series' last version and `history` of it (cold:
# no cache; warm), and the sizes of .git and of communique's own index and
# cache in it. With --curve, one row each for 5, 25 and 100 series (1k, 5k
# and 20k statements at 200 versions). --keep DIR keeps the last store there.
# Skips with a notice when ../shared/corpus is absent.
set -euo pipefail

SERIES=100
VERSIONS=200
RUNS=5
CURVE=0
KEEP=""
usage="usage: bash benches/archive.sh [--series 100] [--versions 200] [--runs 5] [--curve] [--keep DIR]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --series) SERIES="$2"; shift 2 ;;
    --versions) VERSIONS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --curve) CURVE=1; shift ;;
    --keep) KEEP="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [[ ! -d "$ROOT/../shared/corpus" ]]; then
  echo "notice: $ROOT/../shared/corpus is absent; nothing to benchmark" >&2
  exit 0
fi
# shellcheck source=benches/support/timing.sh
source "$ROOT/benches/support/timing.sh"

(cd "$ROOT" && cargo build --release --quiet --bin communique --example make_archive)
BIN="$TARGET/release/communique"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# What communique keeps under the git dir (index and caches): removing it
# makes the next command cold.
STATE=".git/communique"

# One row of the table for an archive of $1 series.
row() {
  local series="$1" files="$WORK/files" store="$WORK/store"
  rm -rf "$files" "$store"
  "$TARGET/release/examples/make_archive" "$files" --series "$series" --versions "$VERSIONS" > /dev/null

  "$BIN" init "$store" > /dev/null
  local start end import
  start=$(date +%s.%N)
  for dir in "$files"/s*; do
    "$BIN" --store "$store" import "$dir"/*.txt --series "$(basename "$dir")" --quiet
  done
  end=$(date +%s.%N)
  import=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

  # A series in the middle; a version in its middle and its last one.
  local s mid last
  s=$(printf 's%03d' $((series / 2)))
  mid="$s/$(basename "$(ls "$files/$s" | sed -n "$((VERSIONS / 2 + 1))p")" .txt)"
  last="$s/$(basename "$(ls "$files/$s" | tail -1)" .txt)"
  local cmd_precedent="cd '$store' && '$BIN' precedent '$mid'"
  local cmd_log="cd '$store' && '$BIN' log '$s'"
  local cmd_trace="cd '$store' && '$BIN' trace '$last'"
  local cmd_history="cd '$store' && '$BIN' history '$last'"

  local cold name cmd
  declare -A cold_t warm_t
  for name in precedent log trace history; do
    cmd="cmd_$name"
    rm -rf "${store:?}/$STATE"
    cold_t[$name]=$(run_times 1 "${!cmd}" | awk '{ print $1 }')
    warm_t[$name]=$(run_times "$RUNS" "${!cmd}" | awk '{ printf "%s / %s", $1, $2 }')
  done
  local git_size state_size
  git_size=$(du -sh "$store/.git" | cut -f1)
  state_size=$( (du -sh "$store/$STATE" 2> /dev/null || echo none) | cut -f1)
  printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    $((series * VERSIONS)) "$import" \
    "${cold_t[precedent]}" "${warm_t[precedent]}" \
    "${cold_t[log]}" "${warm_t[log]}" \
    "${cold_t[trace]}" "${warm_t[trace]}" \
    "${warm_t[history]}" "$git_size" "$state_size"
  if [[ -n "$KEEP" ]]; then
    rm -rf "$KEEP"
    mv "$store" "$KEEP"
  fi
}

echo "Archive of SERIES × $VERSIONS statements, $(nproc) cores, $(date -u +%Y-%m-%d); seconds; warm = best / median of $RUNS runs"
echo
echo "| statements | import | precedent cold | precedent warm | log cold | log warm | trace cold | trace warm | history warm | .git | index + cache |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
if [[ "$CURVE" == 1 ]]; then
  for n in 5 25 100; do row "$n"; done
else
  row "$SERIES"
fi
