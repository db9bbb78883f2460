#!/bin/sh
# Rewrites the golden dev and prod programs with the current infra program (through Pulumi.yaml's
# compiler script, so exactly what Pulumi would read). Review `git diff` before committing.
set -eu
cd "$(dirname "$0")/../../.."
for stack in dev prod; do
  sh infra/compile.sh --stack "$stack" > "tests/HsmBlueGreen.Infra.Tests/Golden/$stack.yaml"
done
git --no-pager diff --stat -- tests/HsmBlueGreen.Infra.Tests/Golden/ || true
