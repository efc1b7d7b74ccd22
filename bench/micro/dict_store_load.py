# Micro program (bench/run --micro): 300,000 `d[i % 1000] = i` then 300,000 `t += d[i % 1000]`; the mojolite form is dict_store_load.mojo.
def main():
    d = {}
    for i in range(300000):
        d[i % 1000] = i
    t = 0
    for i in range(300000):
        t += d[i % 1000]
    print(t)
main()
