# Micro program (bench/run --micro): a `while i < n` loop of 3,000,000 iterations with two `+=`; the mojolite form is while_loop.mojo.
def main():
    i = 0
    t = 0
    while i < 3000000:
        t += i
        i += 1
    print(t)
main()
