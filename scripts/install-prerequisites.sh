#!/usr/bin/env bash
# Installs what ChestXCds needs on a fresh Debian machine with the .NET 10 SDK, and nothing that is
# already there. Idempotent: safe to run before every demo or test run.
set -euo pipefail

need_apt=()
# GDCM's C# binding (DICOM decoding), Orthanc + DICOMweb plugin (the PACS the tests and demo run).
[ -f /usr/lib/cli/gdcm-sharp-3.0/gdcm-sharp.dll ] || need_apt+=(libgdcm-cil)
command -v Orthanc >/dev/null 2>&1 || need_apt+=(orthanc)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || need_apt+=(orthanc-dicomweb)

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
