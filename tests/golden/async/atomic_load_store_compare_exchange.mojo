# Checks Atomic load/store and compare_exchange: the swap happens only when the current value
# equals the expected one, and fetch_add adds.
fn main():
    let a = Atomic(10)
    print(a.load())
    a.store(3)
    print(a.load())
    a.compare_exchange(3, 8)
    print(a.load())
    a.compare_exchange(3, 99)
    print(a.load())
    a.fetch_add(-5)
    print(a.load())
# expect: 10
# expect: 3
# expect: 8
# expect: 8
# expect: 3
