#!/usr/bin/env bash
# The test command (README): installs what the tests need, then runs every test project.
# The test fixtures start Azurite, the local host and a capture server themselves on
# 127.0.0.1 when none is listening, and stop them by PID.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test Sexting.Functions.sln -c Release --settings tests/test.runsettings \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line that any reader understands: N passed, N failed, N skipped.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
