#!/bin/sh
# The compiler command of Pulumi.yaml (runtime.options.compiler): prints the Pulumi YAML program on stdout.
# Pulumi's YAML host runs it in the project directory, several times per preview/up, so it must be quick:
# it rebuilds the infra program only when a source is newer than the built assembly (bench/RESULTS.md),
# and all build output goes to stderr, which the host shows only when the command fails. It uses the
# default (Debug) build output, which `dotnet build` and `dotnet test` of the solution already produce.
set -eu
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=infra/HsmBlueGreen.Infra
dll=$project/bin/Debug/net10.0/HsmBlueGreen.Infra.dll
stale() {
  [ ! -f "$dll" ] && return 0
  [ -n "$(find "$project" src/HsmBlueGreen.Core Directory.Build.props Directory.Packages.props global.json \
      \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$dll" -print | head -n 1)" ]
}
if stale; then
  dotnet build "$project" -v quiet -nologo 1>&2 || { echo "hsm-blue-green infra: the infra program does not build (output above)" >&2; exit 1; }
fi
exec dotnet "$dll" "$@"
