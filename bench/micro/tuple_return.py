# Micro program (bench/run --micro): 1,000,000 calls returning a pair, unpacked `let (a, b) = pair(i)`; the mojolite form is tuple_return.mojo.
def pair(i):
    return (i, i + 1)
def main():
    t = 0
    for i in range(1000000):
        a, b = pair(i)
        t += a + b
    print(t)
main()
