#!/usr/bin/env bash
# The benchmark of issue 11 in one command (docs/performance.md): installs the npm tools, builds
# Release, then the bench itself starts Azurite (in memory), its counting proxies and the local
# host on free 127.0.0.1 ports, measures, prints one table and stops everything it started by PID.
# Results: artifacts/bench/results.md and artifacts/bench/transactions.md.
# Options go to the bench: --quick (a smoke run), --intake-seconds N, --floor-seconds N,
# --journeys N, --scan-sizes 1000,10000,100000, --output DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/setup.sh
echo "bench: building (Release)"
dotnet build src/Sexting.LocalHost -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary"
dotnet build bench/Sexting.Bench -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary"
exec dotnet bench/Sexting.Bench/bin/Release/net10.0/Sexting.Bench.dll "$@"
