#!/usr/bin/env python3
"""A Python difflib peer for benches/peers.sh.

What it does, exactly: reads OLD and NEW as UTF-8, splits each into lines
(keeping the line ends), and writes difflib.unified_diff(old, new, n=3) to
stdout: a line diff with three lines of context, from the standard
library's SequenceMatcher (its default autojunk heuristic on). No word-level
diff, no pairing of revised lines, no move detection.

    python3 benches/difflib_peer.py OLD NEW > out.diff
"""
import difflib
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: difflib_peer.py OLD NEW", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        old = f.readlines()
    with open(sys.argv[2], encoding="utf-8") as f:
        new = f.readlines()
    sys.stdout.writelines(difflib.unified_diff(old, new, sys.argv[1], sys.argv[2], n=3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
