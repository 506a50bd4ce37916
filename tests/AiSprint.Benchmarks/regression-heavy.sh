#!/usr/bin/env bash
# The heavy synthetic regression campaign (docs/benchmarks.md), with python3-xgboost installed for the per-fit comparison.
# Run from the repository root as root (apt-get); not part of the test suite.
set -euo pipefail
if ! python3 -c 'import xgboost' 2>/dev/null; then
  apt-get update && apt-get install -y python3-xgboost
fi
uptime
dotnet run -c Release --project tests/AiSprint.Benchmarks -- regression-heavy "$@"
uptime
