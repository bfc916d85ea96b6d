#!/usr/bin/env bash
# Runs examples/ci (GitHub Actions and GitLab CI) on this machine, end to end, with the pamctl tool package:
# packs it once, installs it with each file's own `dotnet tool install` line (the feed pointed at the local folder),
# starts the installed `pamctl simulator` on 127.0.0.1, and runs each file's shell steps with bash for a change pushed
# to main (plan exit 2, apply of the saved plan), drift only (exit 0, WARNING block) and an invalid manifest in a
# pull/merge request (exit 1, the errors in the markdown comment). CI-only parts are stood in for (checkout, artifacts,
# gh, the GitLab notes API, the job container); tests/PamOperator.Cli.Tests/EndToEnd/CiExamplesLocalTests.cs says how.
#
#   scripts/ci-examples-local.sh            # prints every job's steps and output; keeps the workspaces (plan.md, ...)
#
# Needs the .NET 10 SDK, bash and curl. Nothing leaves the machine: the installs use only the local package folder.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/PamOperator.Cli.Tests -nologo -v quiet
PAMCTL_KEEP_TOOL_ROOT=1 dotnet test tests/PamOperator.Cli.Tests --no-build -nologo \
  --filter "FullyQualifiedName~PamOperator.Cli.Tests.EndToEnd.CiExamplesLocalTests" \
  --logger "console;verbosity=detailed"
