# Micro program (bench/run --micro): 3,000,000 `t += xs[i]` over a 1,000-element list; the mojolite form is list_index.mojo.
def main():
    xs = [i for i in range(1000)]
    t = 0
    for r in range(3000):
        for i in range(1000):
            t += xs[i]
    print(t)
main()
