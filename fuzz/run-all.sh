#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS seconds each (default 600), one
# at a time and at the lowest priority, with the committed seeds. Logs go to
# $LOGS (default fuzz/logs, not committed); the last lines of each log hold
# libFuzzer's run count ("Done N runs in S second(s)").
#   usage: fuzz/run-all.sh [SECONDS] [TARGET…]
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(segment sentence_file sentence_file_controls import_text import_markdown import_html import_docx import_docx_xml numbering import_pdf_layout diff)
fi
logs=${LOGS:-logs}
mkdir -p "$logs"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "$(date -u +%H:%M:%S) $t: ${seconds}s" >&2
  # RUSTC_BOOTSTRAP lets the stable toolchain take the -Z flags cargo-fuzz
  # passes (sanitizer, coverage instrumentation); see README.md.
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout=20 -print_final_stats=1 >"$logs/$t.log" 2>&1
  echo "$(date -u +%H:%M:%S) $t: exit $? — $(grep -E '^Done [0-9]+ runs' "$logs/$t.log" || tail -1 "$logs/$t.log")" >&2
done
