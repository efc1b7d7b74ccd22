# Micro program (bench/run --micro): 300,000 f-strings `f"item {i}: {i * 2}"`; the mojolite form is fstring.mojo.
def main():
    n = 0
    for i in range(300000):
        s = f"item {i}: {i * 2}"
        n += len(s)
    print(n)
main()
