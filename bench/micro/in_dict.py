# Micro program (bench/run --micro): 1,000,000 `i % 200 in d` tests on a 100-key dict; the mojolite form is in_dict.mojo.
def main():
    s = {i: True for i in range(100)}
    n = 0
    for i in range(1000000):
        if i % 200 in s:
            n += 1
    print(n)
main()
