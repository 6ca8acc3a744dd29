#!/usr/bin/env bash
# Every test: static checks, unit and HTTP tests (Vitest), then browser tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
echo "== Type check"; npx tsc --noEmit
echo "== Lint"; npx eslint . --max-warnings 0
echo "== Format"; npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== Unit and HTTP tests"; npx vitest run
echo "== Browser tests"; bash scripts/e2e.sh
