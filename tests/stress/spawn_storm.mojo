# spawn/await storm: roots spawn children that spawn grandchildren; every
# level awaits its children (one by one, twice, through join). Then a
# TaskGroup storm (groups whose list is pruned of finished children as it
# fills, keeping an early failure; children that spawn more children into
# their group while its end is awaited; groups where one child fails and the
# rest are cancelled), an as_completed storm, a join_settled storm with failures, and
# a storm of tasks awaiting one task while it finishes (a value or an error:
# each awaiter registers with it or reads its result, never neither), and
# joins of every size from 1 to 150 over coroutines and running tasks mixed
# (children made by the join are registered as they are made or at its
# first poll, around the 64-child mark), some with a failing child.
# Counted with Atomic; exact totals.
async fn leaf(i: Int, leaves: Atomic) -> Int:
    leaves.fetch_add(1)
    if i % 7 == 0:
        await yield_now()
    return i

async fn mid(base: Int, k: Int, leaves: Atomic, mids: Atomic) -> Int:
    mids.fetch_add(1)
    var ts = []
    for j in range(k):
        ts.append(spawn(leaf(base + j, leaves)))
    var s = 0
    for t in ts:
        s += await t
    return s

async fn root(r: Int, m: Int, k: Int, leaves: Atomic, mids: Atomic, roots: Atomic) -> Int:
    roots.fetch_add(1)
    var ts = []
    for i in range(m):
        ts.append(spawn(mid((r * m + i) * k, k, leaves, mids)))
    # Await them in reverse order, half via join.
    let half = m // 2
    var s = 0
    let firsts = await join(ts[0:half])
    for v in firsts:
        s += v
    var i = m - 1
    while i >= half:
        s += await ts[i]
        # Awaiting a task twice returns the same value.
        if i == half:
            s += await ts[i]
            s -= await ts[i]
        i -= 1
    return s

async fn grouped(g: Int, k: Int, hits: Atomic) -> Int:
    async with TaskGroup() as tg:
        for j in range(k):
            tg.spawn(leaf(g * k + j, hits))
    return 1

async fn spawn_more(tg: TaskGroup, i: Int, hits: Atomic) -> Int:
    await yield_now()
    tg.spawn(leaf(i, hits))
    return i

async fn growing(g: Int, k: Int, hits: Atomic) -> Int:
    async with TaskGroup() as tg:
        for j in range(k):
            tg.spawn(spawn_more(tg, g * k + j, hits))
    return 1

async fn failing_member(i: Int, hits: Atomic) -> Int:
    await yield_now()
    hits.fetch_add(1)
    if i % 10 == 3:
        raise ValueError(f"member {i} failed")
    await sleep(5.0)
    return i

async fn failing_group(g: Int, k: Int, hits: Atomic, ends: Atomic) -> Int:
    # Raised when the first member fails, long before the others' sleep ends.
    let t0 = monotonic()
    try:
        async with TaskGroup() as tg:
            for j in range(k):
                tg.spawn(failing_member(j, hits))
    except ValueError:
        if monotonic() - t0 < 4.0:
            ends.fetch_add(1)
    return 1

async fn quick(i: Int, hits: Atomic) -> Int:
    hits.fetch_add(1)
    if i == 5:
        raise ValueError("early failure")
    return i

async fn pruned_group(k: Int, hits: Atomic, raised: Atomic) -> Int:
    # Children finish while the block spawns more, so the group's list is
    # pruned of successes each time it fills; the early failure must survive
    # every pruning and be raised at the end.
    try:
        async with TaskGroup() as tg:
            for j in range(k):
                tg.spawn(quick(j, hits))
                if j % 50 == 0:
                    await yield_now()
    except ValueError:
        raised.fetch_add(1)
    return 1

async fn group_storm(groups: Int, k: Int) -> Bool:
    let quick_hits = Atomic(0)
    let pruned_raised = Atomic(0)
    async with TaskGroup() as outer:
        for g in range(groups):
            outer.spawn(pruned_group(k * 2, quick_hits, pruned_raised))
    if pruned_raised.load() != groups:
        print(f"WRONG: pruned TaskGroup storm: {pruned_raised.load()} of {groups} groups raised the early failure")
        return False
    let grown = Atomic(0)
    async with TaskGroup() as outer:
        for g in range(groups):
            outer.spawn(growing(g, k // 10, grown))
    if grown.load() != groups * (k // 10):
        print(f"WRONG: growing TaskGroup storm: {grown.load()} of {groups * (k // 10)} late children ran")
        return False
    let tried = Atomic(0)
    let raised = Atomic(0)
    async with TaskGroup() as outer:
        for g in range(groups):
            outer.spawn(failing_group(g, 20, tried, raised))
    if raised.load() != groups:
        print(f"WRONG: failing TaskGroup storm: {raised.load()} of {groups} groups raised in time")
        return False
    let hits = Atomic(0)
    let done = Atomic(0)
    async with TaskGroup() as outer:
        for g in range(groups):
            outer.spawn(grouped(g, k, hits))
    if hits.load() != groups * k:
        print(f"WRONG: TaskGroup storm: {hits.load()} of {groups * k} children ran")
        return False
    return True

async fn completed_storm(n: Int) -> Bool:
    let hits = Atomic(0)
    var coros = []
    for i in range(n):
        coros.append(leaf(i, hits))
    let vals = await as_completed(coros)
    var s = 0
    for v in vals:
        s += v
    if len(vals) != n or s != n * (n - 1) // 2 or hits.load() != n:
        print(f"WRONG: as_completed storm: {len(vals)} values, sum {s}")
        return False
    return True

async fn settled_storm(n: Int) -> Bool:
    let hits = Atomic(0)
    var coros = []
    for i in range(n):
        if i % 3 == 0:
            coros.append(failing_member(3, hits))
        else:
            coros.append(leaf(i, hits))
    let results = await join_settled(coros)
    var oks = 0
    var errs = 0
    for r in results:
        match r:
            case Ok(_):
                oks += 1
            case Err(_):
                errs += 1
    if errs != (n + 2) // 3 or oks != n - errs or hits.load() != n:
        print(f"WRONG: join_settled storm: {oks} ok, {errs} err, {hits.load()} ran of {n}")
        return False
    return True

async fn target(i: Int) -> Int:
    if i % 2 == 0:
        await yield_now()
    if i % 5 == 0:
        raise ValueError(f"target {i} failed")
    return i

async fn awaiter(t: Task[Int], got: Atomic, failed: Atomic) -> Int:
    if got.load() % 3 == 0:
        await yield_now()
    try:
        got.fetch_add(await t)
    except ValueError:
        failed.fetch_add(1)
    return 0

async fn shared_await_storm(rounds: Int, per: Int) -> Bool:
    let got = Atomic(0)
    let failed = Atomic(0)
    var want = 0
    var want_failed = 0
    for r in range(rounds):
        let t = spawn(target(r))
        var ws = []
        for _ in range(per):
            ws.append(spawn(awaiter(t, got, failed)))
        for w in ws:
            await w
        if r % 5 == 0:
            want_failed += per
        else:
            want += r * per
    if got.load() != want or failed.load() != want_failed:
        print(f"WRONG: shared await storm: sum {got.load()} (want {want}), {failed.load()} errors (want {want_failed})")
        return False
    return True

async fn mixed_join_storm(rounds: Int) -> Bool:
    let hits = Atomic(0)
    var ok = True
    for r in range(rounds):
        let n = r % 150 + 1
        var items = []
        var want = 0
        for i in range(n):
            if i % 3 == 1:
                items.append(spawn(leaf(i, hits)))
            else:
                items.append(leaf(i, hits))
            want += i
        var got = 0
        for v in await join(items):
            got += v
        if got != want:
            print(f"WRONG: join of {n}: sum {got}, want {want}")
            ok = False
        if r % 10 == 0:
            # One failing child among coroutines: join raises its error.
            var mixed = []
            for i in range(n):
                mixed.append(leaf(i, hits))
            mixed.append(failing_member(3, hits))
            try:
                let vs = await join(mixed)
                print(f"WRONG: join with a failing child gave {len(vs)} values")
                ok = False
            except ValueError:
                pass
    return ok

async fn main():
    let roots_n = int(env.get("STRESS_ROOTS").unwrap_or("200"))
    let m = 20
    let k = 25
    let leaves = Atomic(0)
    let mids = Atomic(0)
    let roots = Atomic(0)
    var ts = []
    for r in range(roots_n):
        ts.append(spawn(root(r, m, k, leaves, mids, roots)))
    var total = 0
    for t in ts:
        total += await t
    let n = roots_n * m * k
    print(f"roots {roots.load()} mids {mids.load()} leaves {leaves.load()}")
    print(f"sum {total}")
    var ok = True
    if total != n * (n - 1) // 2 or leaves.load() != n or mids.load() != roots_n * m or roots.load() != roots_n:
        print(f"WRONG: expected sum {n * (n - 1) // 2} leaves {n}")
        ok = False
    ok = await group_storm(roots_n, 100) and ok
    ok = await completed_storm(roots_n * 50) and ok
    ok = await settled_storm(roots_n * 20) and ok
    ok = await shared_await_storm(roots_n, 50) and ok
    ok = await mixed_join_storm(roots_n * 2) and ok
    if ok:
        print("ok")
