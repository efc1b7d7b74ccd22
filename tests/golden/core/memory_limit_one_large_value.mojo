# args: --max-memory 64M
# One value larger than the limit is refused before it is made.
let s = "x" * 100_000_000
print("WRONG: made", len(s))
# expect runtime error: MemoryError: out of memory: a value of 95.4 MiB would take the program past 64.0 MiB
