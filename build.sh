#!/usr/bin/env bash
# The project's two entry points (see README.md):
#   ./build.sh demo   installs what is missing, builds, and runs the demo on embedded defaults
#   ./build.sh test   installs what is missing, builds, and runs every test
set -euo pipefail
cd "$(dirname "$0")"
export CHESTX_SHARED="${CHESTX_SHARED:-$(cd .. && pwd)/shared}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cmd="${1:-test}"; shift || true
./scripts/install-prerequisites.sh

case "$cmd" in
  demo)
    dotnet build ChestXCds.sln -c Release -nologo -v q
    dotnet run --no-build -c Release --project src/ChestXCds.Cli -- demo "$@"
    ;;
  test)
    dotnet build ChestXCds.sln -c Release -nologo -v q
    # One test project at a time (-m:1): several start real servers (Orthanc, the service process),
    # and on a 2-core machine running them side by side only adds contention.
    log="$(mktemp)"
    set +e
    dotnet test ChestXCds.sln -c Release --no-build -nologo -m:1 "$@" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    # One closing line for the whole run, summed over the per-assembly summaries.
    awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
           gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
         END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    rm -f "$log"
    exit "$status"
    ;;
  *)
    echo "usage: ./build.sh demo|test" >&2; exit 2 ;;
esac
