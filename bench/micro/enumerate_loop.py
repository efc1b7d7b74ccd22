# Micro program (bench/run --micro): 1,000,000 pairs of `for i, x in enumerate(xs)`; the mojolite form is enumerate_loop.mojo.
def main():
    xs = [i for i in range(1000)]
    t = 0
    for r in range(1000):
        for i, x in enumerate(xs):
            t += i * x
    print(t)
main()
