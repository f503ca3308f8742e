#!/usr/bin/env bash
# End-to-end checks of `cikit appendix` on the bundled governance example, both languages:
# every table and figure present; reruns byte-identical apart from the date line;
# --print-config / --config reproduces the run; XLSX read back and compared cell by cell with the
# CSV files; LaTeX compiled (pdflatex for en, xelatex + ctex for zh); the HTML opened in headless
# Chromium with a screenshot written to ARTIFACTS and checked non-blank; the native DOCX read
# back (three-line rules, captions) and converted to PDF by LibreOffice, pages rendered by pdftoppm.
# Tools that are not installed are skipped with a message (CI installs them, see .ci/run).
# usage: appendix_e2e.sh CIKIT SOURCE_DIR WORK_DIR ARTIFACTS_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3; artifacts=$4
rm -rf "$work"; mkdir -p "$work" "$artifacts"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; }
cp -r "$src/datasets/governance" ex
# Fewer replicates than the defaults keep the Debug build's run short; the statistics are the
# same code paths (unit tests cover the defaults' conversions).
fast="--bootstrap 200 --parallel-replicates 20 --replicates 200 --sensitivity-bootstrap 20 --sobol-bootstrap 50"

tables="A1_indicator_system A2_descriptive_statistics A3_reliability A4_item_analysis A5_kmo_bartlett
        A6_variance_explained A7_rotated_loadings A8_convergent_validity A8_htmt A15_cfa_fit A16_cfa_loadings
        A8_convergent_validity_cfa A9_ahp_consistency
        A10_local_weights A10_global_weights A11_rank_correlations A11_rank_shifts A11_largest_movers D1_delphi_panel
        D2_delphi_concordance D3_delphi_screening_round1 A12_rank_intervals A13_sobol_indices
        A13_sobol_convergence A14_leave_one_out index_scores"
figures="F1_correlation_heatmap F2_scree F3_weights_by_method_system F3_weights_by_method_capacity
         F3_weights_by_method_performance F3_weights_by_method_feedback F4_rank_intervals_1 F4_rank_intervals_2 F4_rank_intervals_3"
for lang in zh en; do
  "$cikit" appendix ex/governance.yaml --lang "$lang" $fast --out "app_$lang" > "run_$lang.txt" 2> "err_$lang.txt" \
    || { cat "err_$lang.txt"; fail "appendix --lang $lang"; }
  for f in appendix.md appendix.html appendix.tex appendix.xlsx appendix.docx; do [ -s "app_$lang/$f" ] || fail "$lang: no $f"; done
  for t in $tables; do [ -s "app_$lang/$t.csv" ] || fail "$lang: no table $t"; done
  for f in $figures; do
    [ -s "app_$lang/$f.svg" ] || fail "$lang: no figure $f.svg"
    grep -q "<svg" "app_$lang/appendix.html" || fail "$lang: figures not inline in the HTML"
  done
  grep -q "wall\|用时\| in [0-9.]* s" "run_$lang.txt" || fail "$lang: the closing note has no wall time"
  grep -q "appendix.html" "run_$lang.txt" || fail "$lang: the closing note does not list the files"
done
# Numbered sections; tables and figures numbered within them (section 1's count depends on the
# Delphi tables, so only its first table is named here).
for h in "一、指标体系构建与专家咨询" "二、数据与描述统计" "三、信度" "四、效度" "五、权重" "六、稳健性与敏感性" "七、结果"; do
  grep -q "^## $h\$" app_zh/appendix.md || fail "zh: no section $h"
done
for h in "1 Construction of the indicator system and expert consultation" "2 Data and descriptive statistics" \
         "3 Reliability" "4 Validity" "5 Weights" "6 Robustness and sensitivity" "7 Results"; do
  grep -q "^## $h\$" app_en/appendix.md || fail "en: no section $h"
done
for n in 1-1 2-1 3-1 3-2 4-1 4-2 4-3 4-4 4-5 4-6 4-7 4-8 4-9 4-10 5-1 5-2 5-3 6-1 6-2 6-3 6-4 6-5 6-6 6-7 7-1; do
  grep -q "^\*\*表$n  " app_zh/appendix.md || fail "zh: no table $n"
  grep -q "^\*\*Table $n\. " app_en/appendix.md || fail "en: no table $n"
done
grep -q "表A[0-9]\|Table A[0-9]\|表[BD][0-9]\|Table [BD][0-9]" app_zh/appendix.md app_en/appendix.md && fail "a reference to a provisional table number"
grep -q "表3-1  各维度信度检验结果" app_zh/appendix.md || fail "zh reliability title"
grep -q "表4-1  KMO和Bartlett的检验" app_zh/appendix.md || fail "zh KMO title"
grep -q "图4-1  指标相关系数热力图" app_zh/appendix.md || fail "zh figure 4-1"
grep -q "Figure 4-2. Scree plot" app_en/appendix.md || fail "en figure 4-2"
# Interpretation sentences under A3, A5, A6, A8 and A9 in both languages.
grep -q "^α = 0\.[0-9]\{3\} (95% CI .* internal consistency (≥ \|^α = .* internal consistency (<" app_en/appendix.md || fail "en: no A3 interpretation"
grep -q "的Cronbach's α为0\.[0-9]\{3\}（95%置信区间：" app_zh/appendix.md || fail "zh: no A3 interpretation"
grep -q "KMO = 0\.[0-9]\{3\} is " app_en/appendix.md || fail "en: no A5 interpretation"
grep -q "的KMO值为0\.[0-9]\{3\}" app_zh/appendix.md || fail "zh: no A5 interpretation"
grep -q "^Parallel analysis retains [0-9]* component" app_en/appendix.md || fail "en: no A6 interpretation"
grep -q "^平行分析保留[0-9]*个成分" app_zh/appendix.md || fail "zh: no A6 interpretation"
grep -q "judgment matrices of order 3 or more meet the consistency criterion" app_en/appendix.md || fail "en: no A9 interpretation"
grep -q "个3阶及以上判断矩阵中有[0-9]*个通过一致性检验" app_zh/appendix.md || fail "zh: no A9 interpretation"
grep -q "SHA-256 [0-9a-f]\{64\}" app_en/appendix.md || fail "en: no SHA-256 in the reproducibility block"
# A12–A14: figure 4, interpretations, input labels from the catalogue, the design in the
# reproducibility block; nothing left out for the full example.
grep -q "图6-1  排名区间" app_zh/appendix.md || fail "zh figure 6-1"
grep -q "Figure 6-3. Rank intervals" app_en/appendix.md || fail "en figure 6-3"
grep -q "^Across the runs the mean absolute rank shift against the nominal ranking is [0-9.]* places" app_en/appendix.md || fail "en: no A12 interpretation"
grep -q "^各次运行相对于基准排名的平均绝对位次变动为[0-9.]*位" app_zh/appendix.md || fail "zh: no A12 interpretation"
# A13: the dominant input is named only when its index converged (at the fast N it has not).
grep -q "has the largest total-order index\|the ranking of the inputs is not established" app_en/appendix.md || fail "en: no A13 interpretation"
grep -q "的总效应指数最大\|各不确定性输入的重要性排序尚不能确定" app_zh/appendix.md || fail "zh: no A13 interpretation"
grep -q "Convergence rule (tolerance" app_en/appendix.md || fail "en: no A13 convergence rule"
grep -q "收敛判定标准（容差" app_zh/appendix.md || fail "zh: no A13 convergence rule"
# No command-line option names in the appendix text (tool advice does not belong in a paper).
for lang in zh en; do
  grep -n -- "--[a-z]" "app_$lang/appendix.md" && fail "$lang: an option name in the appendix"
done
grep -q "^| 标准化方法 |" app_zh/appendix.md || fail "zh: input label of A13"
grep -q "^- Uncertainty and sensitivity: [0-9]* model runs (N = [0-9]*" app_en/appendix.md || fail "en: no sensitivity design in the reproducibility block"
grep -q "Not included" app_en/appendix.md && fail "en: a part is listed as not included"
grep -q "^sensitivity:" <("$cikit" appendix ex/governance.yaml $fast --print-config) || fail "print-config: no sensitivity block"
# Without an uncertainty block A12–A14 are left out and the document says so.
sed '/^uncertainty:/,/^$/d' ex/governance.yaml > ex/no_uncertainty.yaml
"$cikit" appendix ex/no_uncertainty.yaml --lang zh $fast --formats md --out app_nou > /dev/null 2>&1 || fail "appendix without uncertainty block"
[ ! -e app_nou/A12_rank_intervals.csv ] || fail "A12 written without an uncertainty block"
grep -q "^\*\*未收入的内容\*\*" app_nou/appendix.md || fail "zh: no 'not included' section"
grep -q "不确定性与敏感性分析：指标体系文件未设置uncertainty部分" app_nou/appendix.md || fail "zh: no reason for A12–A14"

# CFA (A15, A16, A8 CFA variant): the example's parcel model; without a cfa: block the
# indicator-level model is tried first and the document says why it falls back to parcels; with
# a model that cannot be estimated the tables are left out and the document says why.
grep -q "^\*\*表4-[0-9]*  验证性因子分析：模型拟合指标\*\*" app_zh/appendix.md || fail "zh: no CFA fit table"
grep -q "^\*\*Table 4-[0-9]*\. Confirmatory factor analysis: loadings, composite reliability and AVE\*\*" app_en/appendix.md || fail "en: no CFA loadings table"
grep -q "^Table 4-[0-9]* gives the fit of the confirmatory factor analysis: χ²/df = " app_en/appendix.md || fail "en: no A15 interpretation"
grep -q "^由表4-[0-9]*可知，验证性因子分析的拟合指标为：χ²/df = " app_zh/appendix.md || fail "zh: no A15 interpretation"
grep -q "Model (parcels): the 4 factors of tree level 1" app_en/appendix.md || fail "en: the CFA model is not named"
# Listwise deletion would drop 10 of the 119 cities (a sub-dimension score needs all its
# indicators), so A15/A16 show the same model by FIML on all 119, and say so.
grep -q "Listwise deletion would keep 109 of the 119 units, so the model is estimated by full-information ML (FIML, lavaan missing = \"ml\") on all 119 units" app_en/appendix.md \
  || fail "en: A15 does not say it shows FIML on 119 cities"
grep -q "missing values: full-information ML on the incomplete data; N = 119 of 119 units" app_en/appendix.md || fail "en: A15 N is not 119 by FIML"
grep -q "列删除仅保留109个评价单位（共119个），故采用全信息极大似然" app_zh/appendix.md || fail "zh: A15 does not say it shows FIML"
grep -q "样本量N = 119（共119个评价单位）" app_zh/appendix.md || fail "zh: A15 N is not 119"
grep -q "Shown: the exploratory variant" app_en/appendix.md || fail "en: A8 does not say which variant it shows"
grep -q "本表为基于验证性因子分析的版本" app_zh/appendix.md || fail "zh: the CFA variant of A8 does not say so"
python3 - app_en <<'PY' || fail "A15 csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1] + "/A15_cfa_fit.csv", encoding="utf-8-sig")))
vals = {r[0]: r for r in rows[1:]}
assert float(vals["CFI"][1]) > 0.9 and vals["CFI"][3] != "", vals["CFI"]
assert "SRMR" in vals and "RMSEA" in vals and "χ²/df" in vals
PY
sed '/^cfa:/,/^$/d' ex/governance.yaml > ex/no_cfa.yaml
"$cikit" appendix ex/no_cfa.yaml --lang en $fast --formats md,csv --out app_nocfa > /dev/null 2>&1 || fail "appendix without cfa block"
[ -s app_nocfa/A15_cfa_fit.csv ] || fail "no cfa block: A15 not written"
grep -q "The indicator-level model is not estimable (group Public participation has 1 observed variable(s), but a factor needs at least 2), so the parcel model is shown" app_nocfa/appendix.md \
  || fail "no cfa block: no reason for the parcel model"
sed 's/^  observed: node_scores .*/  observed: indicators/' ex/governance.yaml > ex/bad_cfa.yaml
grep -q "^  observed: indicators" ex/bad_cfa.yaml || fail "bad_cfa.yaml not written"
for lang in zh en; do
  "$cikit" appendix ex/bad_cfa.yaml --lang $lang $fast --formats md,csv --out app_badcfa_$lang > /dev/null 2> badcfa_$lang.err || fail "appendix with an inestimable cfa model"
  [ ! -e app_badcfa_$lang/A15_cfa_fit.csv ] || fail "inestimable cfa model: A15 written"
done
grep -q "Confirmatory factor analysis: no estimable model (109 units for 102 free parameters\|Confirmatory factor analysis: no estimable model ([0-9]* units for [0-9]* free parameters" app_badcfa_en/appendix.md || fail "en: no reason for the missing CFA"
grep -q "验证性因子分析：无可估计的模型（[0-9]*个评价单位少于[0-9]*个待估参数" app_badcfa_zh/appendix.md || fail "zh: no reason for the missing CFA"
grep -q "confirmatory factor analysis (A15, A16) left out" badcfa_en.err || fail "no warning for the missing CFA"

# CSV files start with a UTF-8 BOM (Excel on Chinese Windows), not with --csv-bom false.
for f in app_zh/*.csv app_en/*.csv; do
  [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "$(basename "$f"): no UTF-8 BOM"
done
"$cikit" appendix ex/governance.yaml --lang zh $fast --formats csv --csv-bom false --out app_nobom > /dev/null 2>&1 \
  || fail "appendix --csv-bom false"
for f in app_nobom/*.csv; do
  [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" != "efbbbf" ] || fail "--csv-bom false: $(basename "$f") has a BOM"
done

# Reruns: byte-identical except the date line (CSV, SVG, PDF figures: identical).
"$cikit" appendix ex/governance.yaml --lang zh $fast --out app_zh2 > /dev/null 2>&1
for f in app_zh/*; do
  b=$(basename "$f")
  case "$b" in
    appendix.md|appendix.html|appendix.tex)
      diff <(grep -v "日期：" "$f") <(grep -v "日期：" "app_zh2/$b") > /dev/null || fail "rerun: $b differs beyond the date line"
      [ "$(diff "$f" "app_zh2/$b" | grep -c '^<')" -le 1 ] || fail "rerun: $b differs in more than one line";;
    appendix.xlsx|appendix.docx) ;;  # zip containers with a creation time
    *) cmp -s "$f" "app_zh2/$b" || fail "rerun: $b differs";;
  esac
done

# --print-config prints YAML that reproduces the run.
"$cikit" appendix ex/governance.yaml --lang en $fast --print-config > config.yaml
grep -q "^spec_sha256: [0-9a-f]\{64\}$" config.yaml || fail "print-config: no spec SHA-256"
"$cikit" appendix --config config.yaml --out app_cfg > /dev/null 2>&1 || fail "appendix --config"
for f in app_en/*.csv app_en/*.svg; do cmp -s "$f" "app_cfg/$(basename "$f")" || fail "--config run: $(basename "$f") differs"; done
diff <(grep -v "^- Date: " app_en/appendix.md) <(grep -v "^- Date: " app_cfg/appendix.md) > /dev/null \
  || fail "--config run: appendix.md differs"
"$cikit" appendix --config config.yaml --lang zh --out x > /dev/null 2>&1 && fail "--config with --lang accepted"

# XLSX read back (zipfile + xml.etree) and compared cell by cell with the CSV files.
python3 - app_en app_zh <<'PY' || fail "xlsx read-back"
import csv, re, sys, zipfile, xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
for d in sys.argv[1:]:
    z = zipfile.ZipFile(f"{d}/appendix.xlsx")
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    checked = 0
    for sheet in wb.find("m:sheets", ns):
        name = sheet.get("name")
        if name == "README":
            continue
        rows = {}
        xml = ET.fromstring(z.read("xl/" + rels[sheet.get(f"{{{ns['r']}}}id")]))
        for row in xml.iter(f"{{{ns['m']}}}row"):
            cells = {}
            for c in row.findall("m:c", ns):
                v = c.find("m:v", ns)
                if v is None:
                    continue
                cells[col_index(c.get("r"))] = shared[int(v.text)] if c.get("t") == "s" else float(v.text)
            rows[int(row.get("r"))] = cells
        with open(f"{d}/{name}.csv", newline="", encoding="utf-8-sig") as f:
            table = list(csv.reader(f))
        header = table[0]
        # Row 1 caption, (a group row), header row, data rows.
        hr = next(r for r in sorted(rows) if r > 1 and [rows[r].get(i) for i in range(len(header))] == header)
        for i, line in enumerate(table[1:]):
            got = rows.get(hr + 1 + i, {})
            for j, want in enumerate(line):
                x = got.get(j)
                if want == "":
                    assert x is None, (d, name, i, j, x)
                elif isinstance(x, float):
                    assert want != "NA" and abs(x - float(want)) <= 1e-12 * max(1, abs(float(want))), (d, name, i, j, x, want)
                elif ";" in want and x is not None and x.startswith("["):  # interval: [lo, hi] at its decimals
                    lo, hi = (float(v) for v in want.split(";"))
                    a, b = (s.strip() for s in x[1:-1].split(","))
                    tol = 0.5 * 10 ** -(len(a.split(".")[1]) if "." in a else 0) + 1e-12
                    assert abs(float(a) - lo) <= tol and abs(float(b) - hi) <= tol, (d, name, i, j, x, want)
                else:
                    assert x is not None and x.strip() == want, (d, name, i, j, x, want)
                checked += 1
    assert checked > 1000, checked
    print(f"{d}: {checked} XLSX cells equal the CSV cells")
PY

# LaTeX: pdflatex (en) and xelatex + ctex (zh), with the figures as PDF (rendered in-process by librsvg).
latex() {  # latex ENGINE DIR
  (cd "$2" && "$1" -interaction=nonstopmode -halt-on-error appendix.tex > latex.out 2>&1 \
           && "$1" -interaction=nonstopmode -halt-on-error appendix.tex > latex.out 2>&1) \
    || { tail -40 "$2/latex.out"; fail "$1 failed on $2/appendix.tex"; }
  [ -s "$2/appendix.pdf" ] || fail "$1 wrote no PDF"
  ! grep -q "Missing character" "$2/appendix.log" || { grep "Missing character" "$2/appendix.log" | sort | uniq -c; fail "$1: missing characters"; }
  cp "$2/appendix.pdf" "$artifacts/appendix_$2.pdf"
  echo "$1: $2/appendix.pdf compiled"
}
if command -v pdflatex > /dev/null; then latex pdflatex app_en; else skip "pdflatex not installed: English LaTeX not compiled"; fi
if command -v xelatex > /dev/null && kpsewhich ctexart.cls > /dev/null 2>&1; then latex xelatex app_zh;
else skip "xelatex or ctex not installed: Chinese LaTeX not compiled"; fi
[ -s app_en/F2_scree.pdf ] || fail "no figure PDF written"
head -c 5 app_en/F2_scree.pdf | grep -q "%PDF-" || fail "F2_scree.pdf is not a PDF"

# HTML in headless Chromium: screenshot written and not blank.
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
  for lang in zh en; do
    png="$artifacts/appendix_$lang.png"
    rm -f "$png"
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
      --screenshot="$png" "file://$work/app_$lang/appendix.html" > /dev/null 2>&1 || true
    [ -s "$png" ] || fail "chromium wrote no screenshot of app_$lang/appendix.html"
    python3 - "$png" <<'PY' || fail "screenshot $png is blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        bpp = {2: 3, 6: 4}[ctype]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
# Count non-white bytes of a sample of raw rows (filter type byte skipped; filtered rows of a
# white page are zero or 255, so any other value means content).
ink = sum(1 for r in range(0, h, 7) for b in raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)] if b not in (0, 255))
assert ink > 1000, f"only {ink} non-white samples"
print(f"{sys.argv[1]}: {w}x{h}, {ink} non-white samples")
PY
  done
else
  skip "chromium not installed: HTML not rendered"
fi

# DOCX, written natively (no pandoc): its document.xml read with Python's zipfile + ElementTree
# (three-line rules, captions above the tables, one Word table per table, figures as PNG + SVG);
# then opened by a real application: LibreOffice headless converts it to PDF and pdftoppm
# renders the pages (PNGs in ARTIFACTS), checked non-blank.
for lang in zh en; do
  python3 - "app_$lang/appendix.docx" "$(ls app_$lang/*.csv | wc -l)" "$(ls app_$lang/*.svg | wc -l)" <<'PY' || fail "$lang: appendix.docx"
import sys, zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
for part in ("[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"):
    assert part in names, part
media = [n for n in names if n.startswith("word/media/")]
assert len([n for n in media if n.endswith(".png")]) == int(sys.argv[3]), media
assert len([n for n in media if n.endswith(".svg")]) == int(sys.argv[3]), media
body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
blocks = list(body)
tables = [i for i, b in enumerate(blocks) if b.tag == W + "tbl"]
# One Word table per table of the appendix (each also written as a CSV file).
assert len(tables) == int(sys.argv[2]), (len(tables), sys.argv[2])
def style(p):
    s = p.find(f"{W}pPr/{W}pStyle")
    return None if s is None else s.get(W + "val")
for i in tables:
    t = blocks[i]
    b = t.find(f"{W}tblPr/{W}tblBorders")
    assert b.find(W + "top").get(W + "sz") == "12" and b.find(W + "bottom").get(W + "sz") == "12"
    for side in ("left", "right", "insideH", "insideV"):
        assert b.find(W + side).get(W + "val") == "nil", side
    heads = [r for r in t.findall(W + "tr") if r.find(f"{W}trPr/{W}tblHeader") is not None]
    for tc in heads[-1].findall(W + "tc"):
        assert tc.find(f"{W}tcPr/{W}tcBorders/{W}bottom").get(W + "sz") == "6"
    assert style(blocks[i - 1]) == "TableCaption", i
assert not body.findall(f".//{W}tcBorders/{W}left") and not body.findall(f".//{W}tcBorders/{W}right")
caps = ["".join(x.text or "" for x in p.iter(W + "t")) for p in body.iter(W + "p") if style(p) == "TableCaption"]
prefix = "表" if "zh" in sys.argv[1] else "Table "
assert all(c.startswith(prefix) for c in caps), caps[:3]
print(f"{sys.argv[1]}: {len(tables)} tables, {len(media) // 2} figures, captions {caps[0]!r} ...")
PY
done
if command -v soffice > /dev/null && command -v pdftoppm > /dev/null; then
  for lang in zh en; do
    mkdir -p "docx_$lang"
    # A private LibreOffice profile: runs in parallel and leaves the user's settings alone.
    soffice -env:UserInstallation=file://$PWD/lo_profile_$lang --headless --convert-to pdf --outdir "docx_$lang" \
      "app_$lang/appendix.docx" > "soffice_$lang.txt" 2>&1 || { cat "soffice_$lang.txt"; fail "$lang: LibreOffice cannot convert appendix.docx"; }
    [ -s "docx_$lang/appendix.pdf" ] || { cat "soffice_$lang.txt"; fail "$lang: LibreOffice wrote no PDF"; }
    pages=$(pdfinfo "docx_$lang/appendix.pdf" | awk '/^Pages:/{print $2}')
    [ "${pages:-0}" -ge 10 ] || fail "$lang: the DOCX converts to only ${pages:-0} pages"
    pdftoppm -r 60 -png -f 1 -l 3 "docx_$lang/appendix.pdf" "$artifacts/docx_${lang}_page" \
      || fail "$lang: pdftoppm cannot render the DOCX's PDF"
    for png in "$artifacts"/docx_${lang}_page-*.png; do
      [ "$(stat -c %s "$png")" -gt 5000 ] || fail "$lang: $png looks blank"
    done
    echo "$lang: appendix.docx -> PDF, $pages pages (LibreOffice); first pages in $artifacts"
  done
else
  skip "LibreOffice or poppler-utils not installed: the DOCX not opened (scripts/install-deps.sh --with-office)"
fi
echo "appendix e2e: OK"
