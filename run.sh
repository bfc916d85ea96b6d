#!/usr/bin/env bash
# The main job, end to end, against the embedded Fudo and PrivX simulators (no PAM needed), then examples/sps/
# and examples/cyberark/ against the embedded One Identity SPS and CyberArk PVWA simulators:
# plan and apply examples/, then plan again to show the PAM now matches (exit 0 = no changes).
# The examples read account secrets from environment variables; for this demo they get obviously fake values,
# only when they are not set already. State lives in .pamctl/ (delete it to start over).
set -euo pipefail
cd "$(dirname "$0")"
for name in EXAMPLE_DB_PASSWORD TEAM_DB01_ROOT_PASSWORD TEAM_DB02_DEPLOY_KEY TEAM_DB02_DEPLOY_PASSPHRASE TEAM_DB_READONLY_PASSWORD \
  PAYMENTS_GW_HOST_KEY PAYMENTS_ERIN_PASSWORD PAYMENTS_FRANK_SSH_KEY PAYMENTS_GRACE_PASSWORD PAYMENTS_OPS_PASSWORD \
  PAYMENTS_DB01_ADMIN_PASSWORD PAYMENTS_DB_APP_PASSWORD \
    SPS_ALICE_PASSWORD SPS_BOB_PASSWORD EXAMPLE_ROOT_PASSWORD EXAMPLE_DBA_PASSWORD; do
  if [ -z "${!name:-}" ]; then export "$name=demo-only-not-a-secret"; fi
done
./pamctl validate -f examples/
# --embedded chooses the embedded simulator: without a ProviderConfig and without it, pamctl refuses to guess (PAM015).
./pamctl apply -f examples/ --embedded --auto-approve "$@"
echo
echo "Planning again: the PAM should now match the manifests."
./pamctl plan -f examples/ --embedded --detailed-exitcode
echo
echo "One Identity SPS: the same, inside one SPS transaction, against the embedded SPS simulator."
./pamctl apply -f examples/sps/ --embedded --auto-approve "$@"
./pamctl plan -f examples/sps/ --embedded --detailed-exitcode
echo
echo "CyberArk PVWA: safes, accounts, members and a dual-control access request, against the embedded CyberArk simulator."
./pamctl apply -f examples/cyberark/ --embedded --auto-approve "$@"
./pamctl plan -f examples/cyberark/ --embedded --detailed-exitcode
