# Micro program (bench/run --micro): a 2,000,000-iteration loop in top-level code (module globals).
# The same program in CPython: top_level_loop.py.
var total = 0
for i in range(2000000):
    total += i
print(total)
# expect: 1999999000000
