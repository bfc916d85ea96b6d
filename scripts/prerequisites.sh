#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine, and nothing when it is already there.
# Everything here must come from the registries this project may use (Debian packages, NuGet).
set -euo pipefail
command -v dotnet >/dev/null || { echo "the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }

# Debian's ansible bundles the cyberark.pas collection: the CyberArk simulator's independent third-party check
# (tests/PamOperator.Simulators.CyberArk.Tests/AnsibleCyberArkTests.cs) runs its modules.
if ! command -v ansible-playbook >/dev/null || ! ansible-doc cyberark.pas.cyberark_account >/dev/null 2>&1; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  if command -v apt-get >/dev/null \
      && $as_root apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq ansible >/dev/null; then
    echo "prerequisites: installed ansible (Debian) for the cyberark.pas check" >&2
  else
    echo "prerequisites: apt-get could not install ansible: the cyberark.pas check (AnsibleCyberArkTests) will fail until it is installed" >&2
  fi
fi
