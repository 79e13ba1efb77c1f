#!/usr/bin/env bash
# Clean-stage speed, claimex against trafilatura, in the same run on one core each.
# Usage (from anywhere): tools/bench/clean.sh
# Prints both throughput lines and the MB/s ratio. Skips when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
ours=$("${pin[@]}" cargo bench --quiet --bench clean 2>/dev/null | grep -E '^claimex clean|skipped' || true)
peer=$("${pin[@]}" python3 tools/bench/clean_peer.py)
echo "$ours"
echo "$peer"
rate() { sed -n 's/.* \([0-9.]*\) MB\/s.*/\1/p' <<<"$1"; }
a=$(rate "$ours"); b=$(rate "$peer")
if [[ -n "$a" && -n "$b" ]]; then
  python3 -c "print(f'ratio claimex/trafilatura: {$a / $b:.1f}x (MB/s)')"
fi
