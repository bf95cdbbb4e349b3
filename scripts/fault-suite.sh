#!/usr/bin/env bash
# The fault suite: the tests of the shared state stores — the 50-process file-store test and
# every test that runs a real redis-server — run ROUNDS times in a row (default 10) while two
# CPU-bound processes load the machine, as a busy CI runner would. A lock or a timeout that
# only holds on an idle machine fails here. Exits non-zero if any round failed.
# It takes minutes, so `npm test` leaves it out: `npm run test:faults` (ROUNDS=3 for a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${ROUNDS:-10}"
command -v redis-server >/dev/null || { echo "fault-suite: redis-server is not installed" >&2; exit 2; }
mapfile -t files < <({ echo test/store/processes.test.ts; grep -rl --include='*.test.ts' 'helpers/redis-server' test; } | sort -u)

npm run build >/dev/null

hogs=()
stop_hogs() { [ "${#hogs[@]}" -eq 0 ] || kill "${hogs[@]}" 2>/dev/null || true; }
trap stop_hogs EXIT
trap 'exit 130' INT TERM
for _ in 1 2; do
  node -e 'for (;;);' &
  hogs+=("$!")
done

echo "fault-suite: ${#files[@]} test files, $rounds rounds, 2 CPU hogs (pids ${hogs[*]})"
failed=0
for round in $(seq "$rounds"); do
  start=$SECONDS
  if npx vitest run --reporter=dot "${files[@]}"; then
    echo "fault-suite: round $round/$rounds passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "fault-suite: round $round/$rounds FAILED ($((SECONDS - start)) s)"
  fi
done

echo "fault-suite: $((rounds - failed)) of $rounds rounds passed"
[ "$failed" -eq 0 ]
