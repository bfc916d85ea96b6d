#!/usr/bin/env bash
# Speed and memory targets, end to end, in Release: ./benchmarks/run.sh [OBJECTS]   (default 50000)
# Exit 0 when every target is met, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
exec dotnet run --project benchmarks/PamOperator.Benchmarks -c Release -- "$@"
