# Micro program (bench/run --micro): 1,000,000 `P(i, 2)` struct constructions and two field reads; the mojolite form is struct_fields.mojo.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def main():
    t = 0
    for i in range(1000000):
        p = P(i, 2)
        t += p.x + p.y
    print(t)
main()
