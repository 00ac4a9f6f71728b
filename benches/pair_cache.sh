#!/bin/bash
# Times `log SERIES`, `trace SERIES/<last>` and `history SERIES/<last>` on a
# store: cold (after `rm -rf .git/communique/pairs`, 3 runs), warm (7 runs)
# and with --no-cache (3 runs); medians, with the load average. It deletes
# the store's pair cache: run it on a copy.
#
#   bash benches/pair_cache.sh target/release/communique STORE s007 s063
set -euo pipefail
bin=$(realpath "$1")
store=$2
shift 2
cd "$store"
median() { sort -n | awk '{a[NR]=$1} END {printf "median %s (min %s, max %s, n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
runs() { # N COMMAND...: N timings
    local n=$1
    shift
    for _ in $(seq "$n"); do /usr/bin/time -f "%e" "$bin" "$@" 2>&1 >/dev/null | tail -1; done
}
for series in "$@"; do
    last=$(ls "statements/$series" | tail -1)
    last="$series/${last%.txt}"
    for command in "log $series" "trace $last" "history $last"; do
        # shellcheck disable=SC2086
        cold=$(for _ in 1 2 3; do rm -rf .git/communique/pairs; runs 1 $command; done | median)
        # shellcheck disable=SC2086
        "$bin" $command >/dev/null
        # shellcheck disable=SC2086
        warm=$(runs 7 $command | median)
        # shellcheck disable=SC2086
        off=$(runs 3 $command --no-cache | median)
        echo "$command | cold $cold | warm $warm | --no-cache $off | load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
done
