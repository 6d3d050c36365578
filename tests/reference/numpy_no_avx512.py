"""Import before numpy: re-runs the generating script with numpy's AVX-512 code switched off.

numpy's float math depends on the CPU it runs on: on x86-64 with AVX-512 it computes float32
log10/log and float64 log10/exp with SIMD (SVML) code that differs from the C library by an
ulp now and then, elsewhere (AVX2 and older x86, ARM) it calls libm. figbuf gives the same
output on every CPU and follows the libm results (DESIGN.md, Colour), so the references are
made with numpy's AVX-512 dispatch off, whatever CPU generates them: the same files come
out on any x86-64 machine. NPY_DISABLE_CPU_FEATURES names numpy 2.4's dispatch targets
(X86_V4 is the AVX-512 Skylake group); the assertions below check that they are really off.
"""
import os
import sys

_OFF = "X86_V4 AVX512_ICL AVX512_SPR"
if os.environ.get("NPY_DISABLE_CPU_FEATURES") != _OFF:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = _OFF
    os.execv(sys.executable, [sys.executable] + sys.argv)

from numpy._core._multiarray_umath import __cpu_features__  # noqa: E402

_on = [k for k in ("X86_V4", "AVX512_SKX", "AVX512_ICL", "AVX512_SPR") if __cpu_features__.get(k)]
assert not _on, f"numpy still dispatches to {_on}"
