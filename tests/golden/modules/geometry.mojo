# module: imported by the tests in this folder; not a test itself.
let UNIT = 1.0
var loads = 0

struct Point:
    var x: Int
    var y: Int

fn manhattan(a: Point, b: Point) -> Int:
    return abs(a.x - b.x) + abs(a.y - b.y)

fn scaled(p: Point, k: Int) -> Point:
    return Point(p.x * k, p.y * k)

async fn slow_sum(a: Int, b: Int) -> Int:
    await sleep(0)
    return a + b

fn main():
    print("WRONG: an imported module's main must not run")
