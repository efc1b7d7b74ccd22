# Checks `import name`: loads name.mojo from this folder once; functions, structs, async fns and globals are reachable as name.x.
import geometry
import geometry as geo

async fn main():
    let p = geometry.Point(1, 2)
    let q = geo.scaled(p, 3)
    print(q, geometry.manhattan(p, q), geometry.UNIT)
    print(await geometry.slow_sum(2, 3))
# expect: Point(x=3, y=6) 6 1.0
# expect: 5
