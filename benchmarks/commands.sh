#!/usr/bin/env bash
# Whole-command timings of cikit on the bundled example and a simulated 3,000 x 60 system.
# usage: benchmarks/commands.sh [CIKIT] > timings.md   (default CIKIT: build/ci-linux/cikit)
# Each command runs REPEAT times (default 5); the median wall time is reported. The machine,
# date and cikit version are printed so results can be compared run to run.
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
repeat=${REPEAT:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cikit" simulate --units 3000 --indicators 60 --dimensions 4 --out "$work/sim" > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() {  # time_cmd LABEL ARGS...
  local label=$1; shift
  for _ in $(seq "$repeat"); do
    local t0 t1
    t0=$(date +%s.%N); "$cikit" "$@" > /dev/null 2>&1; t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
  done | median | xargs printf "| %s | %.3f |\n" "$label"
}
echo "cikit $("$cikit" --version | awk '{print $2}'), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), median of $repeat runs"
echo
echo "| command | seconds |"
echo "|---|---|"
ex=datasets/governance/governance.yaml
time_cmd "check, example (119 x 56)" check "$ex"
time_cmd "index, example" index "$ex"
time_cmd "index --weights entropy, example" index "$ex" --weights entropy
time_cmd "index --weights ahp, example" index "$ex" --weights ahp
time_cmd "reliability, example" reliability "$ex"
time_cmd "validity, example" validity "$ex"
time_cmd "delphi, example (2000 permutations)" delphi "$ex"
time_cmd "appendix --lang zh, example (all formats)" appendix "$ex" --lang zh --out "$work/app"
time_cmd "index, simulated 3000 x 60 (table)" index "$work/sim/spec.yaml"
time_cmd "index --out, simulated 3000 x 60 (all files)" index "$work/sim/spec.yaml" --out "$work/o"
time_cmd "reliability, simulated 3000 x 60" reliability "$work/sim/spec.yaml"
time_cmd "validity, simulated 3000 x 60" validity "$work/sim/spec.yaml"
# Weighting methods side by side and the index under each (`cikit weights`, `cikit compare`):
# the simulated system gets a combined method (game theory of CRITIC and entropy; it has no AHP
# judgments), so "all methods" there are equal, entropy, cv, sd, critic, pca, combined.
sed 's/^  weights: equal$/  weights: {combine: game_theory, of: [critic, entropy]}/' "$work/sim/spec.yaml" > "$work/sim/spec_combined.yaml"
time_cmd "weights, example (8 methods)" weights "$ex"
time_cmd "compare, example (8 schemes)" compare "$ex"
time_cmd "compare --stability (B = 200), example" compare "$ex" --stability
time_cmd "weights, simulated 3000 x 60 (7 methods)" weights "$work/sim/spec_combined.yaml"
time_cmd "compare, simulated 3000 x 60 (7 schemes)" compare "$work/sim/spec_combined.yaml"
echo
echo "Notes: the 3,000 × 60 \`validity\` time is dominated by parallel analysis (100 replicates of a 3,000 × 60 correlation matrix and its eigenvalues, for each dimension and the whole system). \`index --out\` spends most of its time writing index.json with every unit's scores."
