#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine, and nothing when it is already there.
# Everything here must come from the registries this project may use (Debian packages, NuGet).
set -euo pipefail
command -v dotnet >/dev/null || { echo "the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
