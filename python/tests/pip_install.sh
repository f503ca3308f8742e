#!/usr/bin/env bash
# `pip install` of the Python package, end to end and offline (ctest python.pip_install, label
# "pip"; skip with `ctest -LE pip`): a fresh virtual environment over Debian's Python and
# packages, `pip install --no-build-isolation --no-index ./python` with CIKIT_BUILD_DIR = the
# CMake build folder (setup.py then brings its cikit_python target up to date and installs that
# module instead of compiling the library a second time), then the pytest suite against the
# installed package, run from outside the source tree.
# usage: pip_install.sh SOURCE_DIR BUILD_DIR WORK_DIR [pytest arguments]
set -euo pipefail
src=$(cd "$1" && pwd); build=$(cd "$2" && pwd); work=$3; shift 3
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
unset PYTHONPATH
/usr/bin/python3 -m venv --system-site-packages "$work/venv"
py="$work/venv/bin/python"
# --no-index: no network (numpy, pandas, setuptools and wheel are Debian's, seen through
# --system-site-packages); --no-build-isolation: use them to build instead of downloading.
CIKIT_BUILD_DIR="$build" "$py" -m pip install --no-build-isolation --no-index --disable-pip-version-check \
  "$src/python" > "$work/pip.log" 2>&1 || { cat "$work/pip.log"; echo "FAIL: pip install"; exit 1; }
cd "$work"   # outside the source tree: `import cikit` must find the installed package
"$py" - <<'PY'
import sys
import cikit
assert cikit.__file__.startswith(sys.prefix), f"cikit imported from {cikit.__file__}, not from the venv {sys.prefix}"
print(f"installed: cikit {cikit.__version__} at {cikit.__file__}")
PY
CIKIT_SOURCE="$src" CIKIT_EXE="$build/cikit" "$py" -m pytest -q -p no:cacheprovider "$@" "$src/python/tests"
"$py" -m pip uninstall -y -q cikit
echo "pip install OK"
