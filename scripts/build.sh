#!/usr/bin/env bash
# Configures a preset of CMakePresets.json (default: release, into build/) and builds it with Ninja; with
# targets named after the preset, only those are built. Ninja prints one line per step: [done/total].
#
#   scripts/build.sh                      # release: everything, into build/
#   scripts/build.sh release chat-server  # only the server
#   scripts/build.sh asan                 # the sanitizer build, into build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
shift || true
# A compiler cache, where one is installed, makes rebuilds in other folders (worktrees, a fresh clone) cheap.
if command -v ccache >/dev/null 2>&1 && [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake --preset "$preset" >/dev/null
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build --preset "$preset" --parallel "$(nproc)" "${targets[@]}"
