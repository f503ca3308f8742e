"""Builds the extension module cikit._cikit with the repository's CMake project (the same
sources and flags as the `cikit` command) and installs it with the pure-Python package.

    pip install --no-build-isolation ./python        (from the repository root)

By default this configures a fresh CMake build (Release, no tests) under python/build/ and
compiles the library and the module: a full compile (173 steps, 20.5 min measured on 2 shared
cores; ccache helps on a second install). Environment:

  CIKIT_BUILD_DIR      an already configured CMake build folder of this repository (e.g.
                       build/ci-linux): `cmake --build` brings its cikit_python target up to date
                       and that module is installed; nothing is compiled twice. Its Python must
                       match the installing one (same extension suffix), which is checked.
  CMAKE_BUILD_PARALLEL_LEVEL  jobs of the fresh build
  CIKIT_CMAKE_ARGS     extra configure arguments of the fresh build

ccache is used when installed.
"""
import importlib.machinery
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class CMakeExtension(Extension):
    def __init__(self, name: str):
        super().__init__(name, sources=[])


def _fail(message: str) -> None:
    raise RuntimeError(f"cikit setup.py: {message}")


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not (ROOT / "CMakeLists.txt").exists():
            _fail(f"the C++ project is not at {ROOT} (install from a clone of the repository)")
        reuse = os.environ.get("CIKIT_BUILD_DIR")
        if reuse:
            build = Path(reuse).resolve()
            if not (build / "CMakeCache.txt").exists():
                _fail(f"CIKIT_BUILD_DIR={reuse} is not a configured CMake build folder (no CMakeCache.txt)")
        else:
            build = Path(self.build_temp).resolve() / "cmake"
            build.mkdir(parents=True, exist_ok=True)
            args = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                    "-Dcikit_BUILD_PYTHON=ON", f"-DPYTHON_EXECUTABLE={sys.executable}"]
            if shutil.which("ninja"):
                args += ["-G", "Ninja"]
            if shutil.which("ccache"):
                args.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
            args += shlex.split(os.environ.get("CIKIT_CMAKE_ARGS", ""))
            subprocess.run(args, check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "cikit_python"], check=True)
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        built = build / "python" / "cikit" / f"_cikit{suffix}"
        if not built.exists():
            found = sorted(p.name for p in (build / "python" / "cikit").glob("_cikit*.so"))
            _fail(f"{built} not found (this Python needs the suffix {suffix}; the build folder has "
                  f"{', '.join(found) or 'no module'}: configure it with -DPYTHON_EXECUTABLE={sys.executable})")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(ext_modules=[CMakeExtension("cikit._cikit")], cmdclass={"build_ext": CMakeBuild})
