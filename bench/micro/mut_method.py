# Micro program (bench/run --micro): 2,000,000 calls of a `mut self` method `c.add(i)` on a local struct; the mojolite form is mut_method.mojo.
class Counter:
    def __init__(self, n):
        self.n = n
    def add(self, k):
        self.n += k
def main():
    c = Counter(0)
    for i in range(2000000):
        c.add(i)
    print(c.n)
main()
