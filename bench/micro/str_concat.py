# Micro program (bench/run --micro): 300,000 `"k" + str(i)` and `len` of the result; the mojolite form is str_concat.mojo.
def main():
    n = 0
    for i in range(300000):
        s = "k" + str(i)
        n += len(s)
    print(n)
main()
