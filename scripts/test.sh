#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with warnings as errors and runs every test,
# beside a throwaway PostgreSQL for the tests that run on it too (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh -DCHAT_WARNINGS_AS_ERRORS=ON "$@"
scripts/with-postgres.sh ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)"
