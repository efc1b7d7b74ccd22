# Micro program (bench/run --micro): 3,000,000 iterations of `for x in xs` summing a 1,000-element list; the mojolite form is for_list.mojo.
def main():
    xs = [i for i in range(1000)]
    t = 0
    for r in range(3000):
        for x in xs:
            t += x
    print(t)
main()
