# A local is moved out at its last read (no copy); every read that some
# path can still reach sees the value: after a loop's back edge, in an
# `except` or `finally`, after `break`/`continue`, in a `with` block, in
# either branch, through a closure and after a function that changes its
# own copy of the list.
struct Box:
    var items: List[Int]

    fn total(self) -> Int:
        return sum(self.items)

struct Guard:
    var name: String

    fn __enter__(self) -> String:
        return self.name

    fn __exit__(self, err):
        print("exit", self.name)

fn grow(xs: List[Int]) -> List[Int]:
    var ys = xs
    ys.append(len(ys))
    return ys

fn loops(xs: List[Int]) -> Int:
    var n = 0
    for i in range(3):
        n += len(xs)
    while n < 20:
        if n % 2 == 0:
            n += sum(xs)
            continue
        n += 1
    return n

fn handlers(xs: List[Int]) -> String:
    var out = ""
    try:
        out += str(len(xs))
        raise ValueError("boom")
    except ValueError:
        out += " caught " + str(xs)
    finally:
        out += " finally " + str(xs)
    return out

fn branches(xs: List[Int], left: Bool) -> Int:
    if left:
        return len(xs)
    else:
        return sum(xs)

fn breaks(xs: List[Int]) -> Int:
    var seen = 0
    for x in [1, 2, 3]:
        if x == 2:
            break
        seen += len(xs)
    return seen + len(xs)

fn captured(xs: List[Int]) -> Int:
    fn inner() -> Int:
        return sum(xs)
    let first = inner()
    return first + inner() + len(xs)

fn rebound() -> List[Int]:
    var xs = [1]
    var log = []
    for i in range(3):
        log.append(len(xs))
        xs = [i, i]
    log.append(len(xs))
    return log

async fn main():
    let xs = [1, 2, 3]
    let ys = grow(xs)
    print(xs, ys)
    let zs = grow(ys)
    print(zs)
    print(loops(xs), handlers(xs), branches(xs, True), branches(xs, False))
    print(breaks(xs), captured(xs), rebound())
    let b = Box(xs)
    print(b.total(), b.total(), len(b.items))
    let g = Guard("g")
    var msg = "a"
    with g as name:
        msg += name + str(len(xs))
    print(msg, g.name)
    await later()

async fn pump(c: Channel[List[Int]], xs: List[Int]) -> Int:
    var sent = 0
    for i in range(3):
        await c.send(xs)
        sent += len(xs)
    c.close()
    return sent

async fn drain(c: Channel[List[Int]]) -> Int:
    var total = 0
    async for got in c:
        total += sum(got)
    return total

async fn later():
    let xs = [4, 5]
    let c = Channel[List[Int]]::with_capacity(1)
    let t = spawn(pump(c, xs))
    let got = await drain(c)
    print(got, await t, xs)

# expect: [1, 2, 3] [1, 2, 3, 3]
# expect: [1, 2, 3, 3, 4]
# expect: 22 3 caught [1, 2, 3] finally [1, 2, 3] 3 6
# expect: 6 15 [1, 2, 2, 2]
# expect: 6 6 3
# expect: exit g
# expect: ag3 g
# expect: 27 6 [4, 5]
