# Micro program (bench/run --micro): a 3,000,000-element list comprehension `[i * 2 for i in range(n)]`; the mojolite form is list_comprehension.mojo.
def main():
    xs = [i * 2 for i in range(3000000)]
    print(len(xs))
main()
