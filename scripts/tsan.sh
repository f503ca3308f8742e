#!/usr/bin/env bash
# ThreadSanitizer run of the threaded code paths (docs/robustness.md, "Sanitizers"): the `tsan`
# preset builds the Catch tests with clang-14, -fsanitize=thread and LLVM's libomp, and runs the
# tests whose names mention threads (bootstrap over units, the alpha bootstrap, Kendall's W
# permutations, parallel analysis, Monte Carlo / Sobol' evaluation, BoD, the spatial permutation
# test, panel, the methods study: each at 1, 2 and 8 threads) with LLVM's Archer OMPT tool
# (OMP_TOOL_LIBRARIES=libarcher.so), which tells TSan about libomp's own barriers and tasks so that
# only real races are reported. GCC's libgomp is not instrumented and gives false reports, hence clang.
# usage: scripts/tsan.sh [CTEST ARGS...]     (needs clang-14, libomp-14-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
archer=/usr/lib/llvm-14/lib/libarcher.so
[ -e "$archer" ] || { echo "tsan.sh: $archer not found (apt-get install libomp-14-dev)" >&2; exit 2; }
cmake --preset tsan > /dev/null
cmake --build --preset tsan
ctest --preset tsan "$@"
