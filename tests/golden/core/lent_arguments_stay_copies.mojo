# Checks that a one-expression function (which the compiler may inline, lending it the
# caller's variable) still gets a copy of each argument: methods called on the parameter
# change the copy (twice in one expression: the second call sees the first's change), never
# the caller's list, dict or struct; a channel is a handle, so its methods act on what the
# caller sees; the same variable passed twice is two copies.
struct Counter:
    var n: Int

    fn bump(mut self) -> Int:
        self.n += 1
        return self.n

fn pop_last(xs):
    return xs.pop()

fn pop_two(xs):
    return xs.pop() * 10 + xs.pop()

fn pop_and_first(xs, ys):
    return ys.pop() * 10 + xs[0]

fn set_and_count(d):
    return d.setdefault("k", 7) + len(d)

fn bump_twice(c):
    return c.bump() * 10 + c.bump()

fn upper(s):
    return s.upper()

async fn take(c):
    return await c.recv()

async fn main():
    var xs = [1, 2, 3]
    print(pop_last(xs), pop_two(xs), pop_and_first(xs, xs), xs)
    var d = {"a": 1}
    print(set_and_count(d), d)
    var counter = Counter(0)
    print(bump_twice(counter), counter.n)
    let s = "ab"
    print(upper(s), s)
    let ch = Channel[Int]::with_capacity(2)
    await ch.send(5)
    await ch.send(6)
    print(await take(ch), await take(ch), len(ch))
# expect: 3 32 31 [1, 2, 3]
# expect: 9 {'a': 1}
# expect: 12 0
# expect: AB ab
# expect: Some(5) Some(6) 0
