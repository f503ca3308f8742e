#!/usr/bin/env bash
# Benchmarks of `cikit audit` (statistical-coherence audit, docs/methods.md#audit).
# usage: benchmarks/audit/run.sh [CIKIT] > audit.md   (default build/ci-linux/cikit)
#        benchmarks/update_section.py benchmarks/RESULTS.md "Statistical-coherence audit" < audit.md
# Times (median of REPEAT runs, default 3, wall seconds of the whole command incl. building the
# index) the audit of the bundled example and of a simulated 3,000 x 60 system (cikit simulate,
# 6 dimensions), with and without a bootstrap of S_i, and the weight optimisation at the
# dimension and indicator levels with its number of function evaluations (from audit.json).
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
repeat=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() {  # wall ARGS...: median wall seconds of `cikit ARGS`
  for _ in $(seq "$repeat"); do
    local t0 t1
    t0=$(date +%s.%N); "$cikit" "$@" > /dev/null 2>&1; t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
  done | median
}
evals() {  # evals ARGS...: "objective nominal -> optimised | evaluations | starts | stop" from audit.json
  "$cikit" "$@" --format json 2>/dev/null | python3 -c "import json, sys
o = json.load(sys.stdin)['optimisation']
print('%.4f → %.4f | %d | %d | %s' % (o['objective_nominal'], o['objective'], o['evaluations'], o['starts'], o['stop_reason']))"
}
example="$work/example"
"$cikit" example "$example" > /dev/null 2>&1
spec_ex="$example/governance.yaml"
"$cikit" simulate --out "$work/sim" --units 3000 --indicators 60 --dimensions 6 > /dev/null 2>&1
spec_sim="$work/sim/spec.yaml"

echo "cikit $("$cikit" --version | awk '{print $2}'), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), median of $repeat runs; uptime before the run: $(uptime | sed 's/.*load average/load average/')"
echo
echo "| run | seconds |"
echo "|---|---:|"
printf '| audit, example (119 x 48) | %.3f |\n' "$(wall audit "$spec_ex")"
printf '| audit --bootstrap 1000, example | %.3f |\n' "$(wall audit "$spec_ex" --bootstrap 1000)"
printf '| audit, simulated 3000 x 60 | %.3f |\n' "$(wall audit "$spec_sim")"
printf '| audit --bootstrap 200, simulated 3000 x 60 | %.3f |\n' "$(wall audit "$spec_sim" --bootstrap 200)"
printf '| audit --optimise-weights dimensions, example | %.3f |\n' "$(wall audit "$spec_ex" --optimise-weights dimensions)"
printf '| audit --optimise-weights dimensions, simulated 3000 x 60 | %.3f |\n' "$(wall audit "$spec_sim" --optimise-weights dimensions)"
printf '| audit --optimise-weights indicators, simulated 3000 x 60 | %.3f |\n' "$(REPEAT=1 wall audit "$spec_sim" --optimise-weights indicators)"
echo
echo "Weight optimisation (balance, target equal; NLopt BOBYQA, multi-start):"
echo
echo "| run | objective nominal → optimised | evaluations | starts | stop |"
echo "|---|---|---:|---:|---|"
echo "| example, dimensions (4) | $(evals audit "$spec_ex" --optimise-weights dimensions) |"
echo "| example, indicators (48) | $(evals audit "$spec_ex" --optimise-weights level3) |"
echo "| simulated 3000 x 60, dimensions (6) | $(evals audit "$spec_sim" --optimise-weights dimensions) |"
echo "| simulated 3000 x 60, indicators (60) | $(evals audit "$spec_sim" --optimise-weights indicators) |"
echo
echo "uptime after the run: $(uptime | sed 's/.*load average/load average/')"
