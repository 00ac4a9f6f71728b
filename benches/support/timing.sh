# Wall-clock timing for the benchmark scripts (sourced, not run).
# Needs only bash, awk, sort and coreutils' date.

# "MIN MEDIAN MAX" wall-clock seconds of RUNS runs of a shell command (no
# warm-up: a caller that wants one runs the command first). The command's
# exit status is ignored (diff tools exit 1 on differences).
run_times() {
  local runs="$1" cmd="$2" start end i
  local all=()
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    bash -c "$cmd" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    all+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  printf '%s\n' "${all[@]}" | sort -g | awk '
    { t[NR] = $1 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%.3f %.3f %.3f\n", t[1], m, t[NR]
    }'
}

# Peak RSS in MB of one run of a shell command, or "n/a" without GNU time.
peak_rss_mb() {
  local out
  if [[ ! -x /usr/bin/time ]]; then
    echo "n/a"
    return
  fi
  out=$(mktemp)
  /usr/bin/time -v bash -c "$1" 2> "$out" > /dev/null || true
  awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$out"
  rm -f "$out"
}
