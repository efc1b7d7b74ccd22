# list_copy (issue 3, item 3): value semantics with copy-on-write.
#
# Builds a 1,000,000-element list, then copies it LIST_COPY_COPIES times in a loop
# (default 1000); the first LIST_COPY_MUTATE copies (default 1) are mutated. Each copy
# is a refcount bump (O(1)); only the first write to a copy that shares its buffer
# clones it (O(n)). At the end the original must be unchanged.
#
# bench/run times it with N copies and with 10 x N copies, neither mutated, to show
# that a copy costs O(1), and with a few mutated copies for the O(n) contrast.
# BENCH_QUICK=1: a 10,000-element list.

fn env_int(name: String, default: Int) -> Int:
    if let Some(v) = env.get(name):
        return int(v)
    return default

fn is_quick() -> Bool:
    if let Some(q) = env.get("BENCH_QUICK"):
        return q == "1"
    return False

fn main():
    var n = 1_000_000
    if is_quick():
        n = 10_000
    let copies = env_int("LIST_COPY_COPIES", 1000)
    let mutate = env_int("LIST_COPY_MUTATE", 1)
    let xs = list(range(n))
    var checksum = 0
    var changed = 0                 # mutated copies that do show the write
    for k in range(copies):
        var c = xs                  # a copy: shares xs's buffer
        if k < mutate:
            c[k % n] = -1           # first write clones the buffer; xs is untouched
            if c[k % n] == -1:
                changed += 1
        checksum += c[k % n]        # read the copy
    var unchanged = len(xs) == n
    for i in range(n):
        if xs[i] != i:
            unchanged = False
    print(f"original unchanged: {unchanged} (n={n}, copies={copies}, mutated={mutate}, changed={changed})")
