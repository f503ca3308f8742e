#!/usr/bin/env bash
# Installs the Debian 12 packages cikit needs to build and test, if any are missing, and what the
# appendix figures need (fontconfig and a CJK font so Chinese labels are drawn as glyphs, not
# boxes; rsvg-convert as the reference the in-process PDF figures are tested against).
# Uses sudo when not root. Idempotent: does nothing (and needs no network) when all are present.
#   scripts/install-deps.sh           build + test dependencies
#   scripts/install-deps.sh --with-r  also R and the packages used by validation/ scripts
#   scripts/install-deps.sh --with-bench  also Google Benchmark (optional: benchmarks/speed)
#   scripts/install-deps.sh --with-office  also LibreOffice (headless) and poppler-utils: the DOCX
#                                          check of tests/cli/appendix_e2e.sh (test only)
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config libeigen3-dev libboost-math-dev catch2
      libcli11-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev libxlsxwriter-dev libssl-dev python3
      librsvg2-bin fontconfig fonts-noto-cjk)
pkgs+=(pybind11-dev python3-pybind11 python3-numpy python3-pandas python3-pytest python3-pip python3-setuptools python3-wheel python3-venv)  # python/ package and its tests
pkgs+=(libfast-float-dev)  # number parsing of the one-pass CSV reader (methods/core/csv.cpp)
pkgs+=(libnlopt-dev)  # optimiser of the coherence audit (methods/audit) and CFA
pkgs+=(libopenblas-openmp-dev)  # matrix products of the bootstrap kernels (methods/stats/gemm.cpp; optional: Eigen without it). The OpenMP build shares cikit's OpenMP runtime
pkgs+=(libglpk-dev)  # LP solver of benefit of the doubt and BWM (methods/weighting/bod, bwm)
pkgs+=(clang-14 libclang-rt-14-dev libomp-14-dev)  # the fuzz preset: libFuzzer, ASan/UBSan, OpenMP for clang (docs/robustness.md)
pkgs+=(libzip-dev libpugixml-dev librsvg2-dev libcairo2-dev)  # native DOCX: package, XML, figures as PNG (and PDF for LaTeX)
pkgs+=(libzip-dev libpugixml-dev)  # Excel (.xlsx) input: the archive (libzip) and its XML (pugixml)
for arg in "$@"; do
  case "$arg" in
    --with-r) pkgs+=(r-base-core r-cran-psych r-cran-boot r-cran-lpsolve) ;;
    --with-bench) pkgs+=(libbenchmark-dev) ;;
    --with-office) pkgs+=(libreoffice-writer-nogui poppler-utils) ;;
    *) echo "install-deps: unknown option $arg (use --with-r, --with-bench, --with-office)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
