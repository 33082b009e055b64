#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything (the release preset into build/, with
# warnings as errors: the same configuration as scripts/run.sh, so nothing it built is built again) and runs
# every test beside a throwaway PostgreSQL for the tests that run on it too (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
scripts/with-postgres.sh ctest --preset release --parallel "$(nproc)" "$@"
