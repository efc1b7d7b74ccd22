# f-string `g`/`G` formats drop trailing zeros in both forms and use the exponent of
# the rounded value; nan and inf format as Python formats them.
let nan = math.nan
let inf = math.inf
print(f"{1e20:g}|{1e-5:g}|{123456789.0:g}|{0.0001:g}|{9.9999995:g}|{1.5:g}|{100.0:g}|{1e16:.3g}|{1234.5:G}|{1e20:G}")
print(f"{nan:f}|{nan:e}|{inf:e}|{nan:%}|{inf:F}|{-inf:f}|{inf:8.2f}|{nan:g}|{-inf:G}")
# expect: 1e+20|1e-05|1.23457e+08|0.0001|10|1.5|100|1e+16|1234.5|1E+20
# expect: nan|nan|inf|nan%|INF|-inf|     inf|nan|-INF
