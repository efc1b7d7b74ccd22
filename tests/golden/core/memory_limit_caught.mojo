# args: --max-memory 64M
# A MemoryError is an ordinary error: caught, the memory freed, the program goes on.
fn fill() -> Int:
    var xs = []
    try:
        while True:
            xs.append([1, 2, 3, 4])
    except MemoryError as e:
        let n = len(xs)
        xs = []
        print(e.kind, n > 10000)
    return len(xs)

print(fill())
print(len("ok" * 1000))
# expect: MemoryError True
# expect: 0
# expect: 2000
