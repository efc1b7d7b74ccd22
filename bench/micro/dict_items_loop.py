# Micro program (bench/run --micro): 1,000,000 pairs of `for k, v in d.items()`; the mojolite form is dict_items_loop.mojo.
def main():
    d = {}
    for i in range(1000):
        d[i] = i
    t = 0
    for r in range(1000):
        for k, v in d.items():
            t += k + v
    print(t)
main()
