# Micro program (bench/run --micro): 1,000,000 iterations of `len(xs) + abs(-i) + min(i, 5)`; the mojolite form is builtin_calls.mojo.
def main():
    xs = [1, 2, 3]
    t = 0
    for i in range(1000000):
        t += len(xs) + abs(-i) + min(i, 5)
    print(t)
main()
