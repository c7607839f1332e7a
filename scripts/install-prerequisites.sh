#!/usr/bin/env bash
# Installs what ChestXCds needs on a fresh Debian machine with the .NET 10 SDK, and nothing that is
# already there. Idempotent: safe to run before every demo or test run.
set -euo pipefail

need_apt=()
# GDCM's C# binding (DICOM decoding), Orthanc + DICOMweb plugin (the PACS the tests and demo run).
[ -f /usr/lib/cli/gdcm-sharp-3.0/gdcm-sharp.dll ] || need_apt+=(libgdcm-cil)
command -v Orthanc >/dev/null 2>&1 || need_apt+=(orthanc)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || need_apt+=(orthanc-dicomweb)
# Node.js + npm run SUSHI (the FHIR Shorthand compiler for fhir-profiles/).
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# redis-server: the tests of the shared jti replay cache start their own on a free loopback port.
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# wrk drives the loopback load benchmarks (bench/README.md, bench/ChestXCds.LoadTest).
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# Orthanc's Debian package starts a system service on port 8042/4242; the project starts its own
# instances on free loopback ports, so the system one is not needed.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet orthanc 2>/dev/null; then
  systemctl stop orthanc >/dev/null 2>&1 || true
fi

# FHIR profiles: SUSHI pinned by fhir-profiles/package-lock.json, and the FHIR R4 core package it compiles
# against (hl7.fhir.r4.core#4.0.1 in ~/.fhir/packages), built offline from NuGet's
# Hl7.Fhir.Specification.Data.R4 because the FHIR package registry is not reachable (ARCHITECTURE.md).
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$repo_root/fhir-profiles/node_modules/.bin/sushi" ]; then
  echo "Installing SUSHI (fsh-sushi) into fhir-profiles/node_modules"
  (cd "$repo_root/fhir-profiles" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$HOME/.fhir/packages/hl7.fhir.r4.core#4.0.1/package/.complete" ]; then
  echo "Building the FHIR package cache entry hl7.fhir.r4.core#4.0.1"
  dotnet run --project "$repo_root/tools/FhirPackageCache" -c Release -- "$HOME/.fhir/packages"
fi
