# Annotations naming the runtime's handle types (Channel[T], Task[T], Lock,
# Semaphore, Event, Atomic, Shared, TaskGroup) are checked when a value
# crosses a function boundary, as the builtin types are: a wrong value
# raises TypeError naming the parameter; the right one passes, also
# through a one-line helper that is inlined.
async fn next_of(c: Channel[Int]) -> Optional[Int]:
    return await c.recv()

fn count_of(a: Atomic) -> Int:
    return a.load()

fn held(l: Lock) -> Bool:
    return l.locked()

async fn result_of(t: Task[Int]) -> Int:
    return await t

async fn seven() -> Int:
    return 7

async fn main():
    let c = Channel[Int]::with_capacity(2)
    await c.send(4)
    print(await next_of(c))
    print(count_of(Atomic(3)), held(Lock()))
    print(await result_of(spawn(seven())))
    try:
        print(count_of(Shared(3)))
    except TypeError as e:
        print(e)
    try:
        print(held(Semaphore(1)))
    except TypeError as e:
        print(e)
    try:
        print(await next_of([1, 2]))
    except TypeError as e:
        print(e)
    try:
        print(await result_of(seven()))
    except TypeError as e:
        print(e)

# expect: Some(4)
# expect: 3 False
# expect: 7
# expect: TypeError: argument `a` of `count_of` must be Atomic, got Shared
# expect: TypeError: argument `l` of `held` must be Lock, got Semaphore
# expect: TypeError: argument `c` of `next_of` must be Channel, got List
# expect: TypeError: argument `t` of `result_of` must be Task, got Coroutine
