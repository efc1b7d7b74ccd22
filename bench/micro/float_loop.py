# Micro program (bench/run --micro): 2,000,000 iterations of `x = x * 0.5 + 1.5`; the mojolite form is float_loop.mojo.
def main():
    x = 0.0
    for i in range(2000000):
        x = x * 0.5 + 1.5
    print(x)
main()
