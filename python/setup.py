"""Builds the extension module cikit._cikit with the repository's CMake project (the same
sources and flags as the `cikit` command) and installs it with the pure-Python package.

    pip install --no-build-isolation ./python        (from the repository root)

Environment: CMAKE_BUILD_PARALLEL_LEVEL (jobs), CIKIT_CMAKE_ARGS (extra configure arguments).
ccache is used when installed.
"""
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


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not (ROOT / "CMakeLists.txt").exists():
            raise RuntimeError(f"cikit: the C++ project is not at {ROOT} (install from a clone of the repository)")
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
        built = next((build / "python" / "cikit").glob("_cikit*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(ext_modules=[CMakeExtension("cikit._cikit")], cmdclass={"build_ext": CMakeBuild})
