# Checks awaiting tasks that have already finished, from a `for` over the list of their
# handles: each gives its own value (an Int, a String, a List, None) every time it is
# awaited, and one that failed raises its error at every await; `break` and `continue`
# inside such loops, an empty list, and a loop over a tuple of handles.
async fn value_of(i: Int) -> Any:
    if i == 0:
        return i * 7 + 7
    if i == 1:
        return "s" + str(i)
    if i == 2:
        return [i, i]
    if i == 3:
        raise ValueError("task " + str(i) + " failed")
    return None

async fn main():
    var handles = []
    for i in range(5):
        handles.append(spawn(value_of(i)))
    # Every task has finished after this (join_settled raises nothing).
    print(len(await join_settled(handles)))
    for round in range(2):
        for h in handles:
            try:
                print(round, await h)
            except e:
                print(round, "error:", e.message)
    var seen = 0
    for h in handles:
        if seen == 1:
            seen += 1
            continue
        if seen == 3:
            break
        seen += 1
        print("kept", await h)
    let none: List[Any] = []
    for h in none:
        print("never", h)
    let t = spawn(value_of(0))
    await t
    let pair = (t, t)
    var total = 0
    for h in pair:
        total += await h
    print("pair", total)

# expect: 5
# expect: 0 7
# expect: 0 s1
# expect: 0 [2, 2]
# expect: 0 error: task 3 failed
# expect: 0 None
# expect: 1 7
# expect: 1 s1
# expect: 1 [2, 2]
# expect: 1 error: task 3 failed
# expect: 1 None
# expect: kept 7
# expect: kept [2, 2]
# expect: pair 14
