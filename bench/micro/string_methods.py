# Micro program (bench/run --micro): 300,000 string method calls (`startswith`, `upper`) and indexing; the mojolite form is string_methods.mojo.
def main():
    n = 0
    words = ["alpha", "beta", "gamma"]
    for i in range(300000):
        w = words[i % 3]
        if w.startswith("a"):
            n += len(w.upper())
    print(n)
main()
