# Checks `from name import x, y as z`: the names are bound in this module, including for functions defined before the import runs.
from geometry import Point, manhattan as dist

fn far(p: Point) -> Int:
    return dist(p, Point(0, 0))

fn main():
    print(far(Point(3, -4)))
# expect: 7
