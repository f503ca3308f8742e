#!/usr/bin/env bash
# End-to-end check of what `cikit appendix` and `cikit index` disclose (issue 23, points 2 and 5)
# (and `cikit compare`) on the bundled governance example: with --lang zh no English sentence (three
# or more ASCII words in a row) on stderr, the negative game-theory coefficients printed there (in Chinese)
# as `cikit index` prints them, the adjustments table B2 (表7-2) and the numbered notes in the appendix,
# and the units of A11-3 as names, not pinyin ids; with --lang en the English warnings.
# usage: disclosure_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$src/datasets/governance" ex
fast="--bootstrap 20 --parallel-replicates 10 --replicates 64 --sensitivity-bootstrap 20 --sobol-bootstrap 20"
english='[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}'

for lang in zh en; do
  "$cikit" appendix ex/governance.yaml --lang "$lang" $fast --formats md --out "app_$lang" > /dev/null 2> "err_$lang.txt" \
    || { cat "err_$lang.txt"; fail "appendix --lang $lang"; }
  "$cikit" index ex/governance.yaml --lang "$lang" > /dev/null 2> "index_$lang.txt" || fail "index --lang $lang"
  "$cikit" compare ex/governance.yaml --lang "$lang" > /dev/null 2> "compare_$lang.txt" || fail "compare --lang $lang"
done

# zh: every warning in Chinese, the negative coefficients among them.
if grep -E "$english" err_zh.txt; then fail "zh: English sentence on the stderr of cikit appendix"; fi
if grep -E "$english" index_zh.txt; then fail "zh: English sentence on the stderr of cikit index"; fi
if grep -E "$english" compare_zh.txt; then fail "zh: English sentence on the stderr of cikit compare"; fi
# compare: each scheme's warnings under its Chinese name, the PCA components kept beyond the rules among them.
grep -q "^cikit compare: 警告：方案 熵权法：" compare_zh.txt || fail "zh: compare does not name the scheme in Chinese"
grep -q "^cikit compare: 警告：方案 .*追加保留[0-9]*个主成分" compare_zh.txt || fail "zh: compare: no PCA components note"
grep -q "^cikit compare: warning: scheme pca: node '.*component(s) added beyond" compare_en.txt \
  || fail "en: compare: PCA warning changed"
grep -q "^cikit appendix: 警告：.*组合系数为负" err_zh.txt || fail "zh: appendix does not print the negative coefficients"
grep -q "^cikit index: 警告：.*组合系数为负" index_zh.txt || fail "zh: index does not print the negative coefficients"
# en: the English warnings, as before.
grep -q "^cikit appendix: warning: node '.*combine_game_theory: coefficient of vector . is negative" err_en.txt \
  || fail "en: appendix does not print the negative coefficients"
n_neg=$(grep -c "is negative" index_en.txt)
[ "$(grep -c '组合系数为负' index_zh.txt)" = "$n_neg" ] || fail "zh and en index runs warn a different number of times"

# The appendix: the adjustments table and the numbered notes, in each language.
grep -q "^\*\*表7-2  数据处理与方法调整说明" app_zh/appendix.md || fail "zh: no adjustments table"
grep -q "^\*\*Table 7-2\. Adjustments to the data and methods" app_en/appendix.md || fail "en: no adjustments table"
grep -q "^注：（1）共[0-9]*个节点（.*）的博弈论组合系数出现负值" app_zh/appendix.md || fail "zh: no note on the negative coefficients"
grep -q "^Note\. (1) At [0-9]* node(s) (.*) a game-theory combination coefficient is negative" app_en/appendix.md \
  || fail "en: no note on the negative coefficients"
# zh: A11-3 (表6-3) names the units (湖州), no pinyin ids; no SYNTHETIC note; criterion validity present (after the CFA tables: its number depends on them).
sed -n '/^\*\*表6-3/,/^\*\*表6-4/p' app_zh/appendix.md | grep -E '^\| [a-z_]+ \|' && fail "zh: pinyin ids in A11-3"
grep -q "SYNTHETIC" app_zh/appendix.md && fail "zh: English Delphi note"
grep -q "^\*\*表4-[0-9]*  效标效度" app_zh/appendix.md || fail "zh: no criterion validity table"
echo "disclosure e2e: ok"
