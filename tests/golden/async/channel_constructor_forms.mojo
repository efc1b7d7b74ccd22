# Checks the ways to make a channel: Channel[T](capacity=n) and Channel[T]::with_capacity(n)
# are buffered with that capacity; Channel[T](), Channel[T]::new() and capacity=0 are
# unbuffered (capacity 0, so try_send with no receiver waiting fails).
async fn main():
    let a = Channel[String](capacity=4)
    let b = Channel[Float]::with_capacity(2)
    let c = Channel[Int]()
    let d = Channel[Int]::new()
    let e = Channel[Int](capacity=0)
    print(a.capacity(), b.capacity(), c.capacity(), d.capacity(), e.capacity())
    print(a.try_send("x"), a.try_send("y"), len(a), a.len())
    print(c.try_send(1), d.try_send(2), e.try_send(3), len(c))
# expect: 4 2 0 0 0
# expect: True True 2 2
# expect: False False False 0
