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
    dotnet test ChestXCds.sln -c Release --no-build -nologo "$@"
    ;;
  *)
    echo "usage: ./build.sh demo|test" >&2; exit 2 ;;
esac
