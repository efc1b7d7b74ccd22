# Cancellation storms: tasks blocked in send, recv, select, Lock, Semaphore,
# Event.wait and sleep are cancelled in bulk, in random order, while other
# tasks keep using the same primitives. Checked: no value is received twice,
# no value is received that was never offered, every send that returned
# normally is received; the lock and the semaphore are never over-held and
# are fully available afterwards; a fresh operation on each primitive works;
# and the program ends (no task is left stuck).
# (Whether a send that raised CancelledError may still have been delivered is
# checked separately, by cancel_send_outcome.mojo.)

async fn sender(ch: Channel[Int], v: Int):
    await ch.send(v)

# marks[v] counts how often v was received.
async fn receiver(ch: Channel[Int], marks: List[Atomic]):
    while True:
        match await ch.recv():
            case Some(v):
                marks[v].fetch_add(1)
            case None:
                return

# The same with `while let` (the test and unwrap fused with the receive).
async fn receiver_while_let(ch: Channel[Int], marks: List[Atomic]):
    while let Some(v) = await ch.recv():
        marks[v].fetch_add(1)

# The same through a one-channel `select` (receive and registration in one
# pass), matched on its pair.
async fn receiver_select_one(ch: Channel[Int], marks: List[Atomic]):
    while True:
        try:
            match await select([ch]):
                case (0, v):
                    marks[v].fetch_add(1)
        except ChannelClosed:
            return

fn new_marks(n: Int) -> List[Atomic]:
    var m = []
    for i in range(n):
        m.append(Atomic(0))
    return m

# Sent values (send returned) received exactly once; others at most once.
async fn check_marks(what: String, senders: List[Task], marks: List[Atomic]) -> Bool:
    var ok = True
    for i in range(len(senders)):
        let r = await senders[i].catch()
        let m = marks[i].load()
        if m > 1:
            print(f"WRONG: {what}: value {i} received {m} times")
            ok = False
        elif r.is_ok() and m != 1:
            print(f"WRONG: {what}: value {i} was sent (send returned) but received {m} times")
            ok = False
    return ok

async fn locker(l: Lock, inside: Atomic, maxin: Atomic, count: Atomic):
    while True:
        async with l:
            let n = inside.fetch_add(1) + 1
            try:
                if n > 1:
                    maxin.store(n)
                await sleep(0)
            finally:
                inside.fetch_add(-1)
        count.fetch_add(1)

async fn sem_user(s: Semaphore, n: Int, inside: Atomic, bad: Atomic, count: Atomic):
    while True:
        await s.acquire()
        try:
            let k = inside.fetch_add(1) + 1
            try:
                if k > n:
                    bad.fetch_add(1)
                await yield_now()
            finally:
                inside.fetch_add(-1)
        finally:
            s.release()
        count.fetch_add(1)

async fn waiter(e: Event, woke: Atomic):
    await e.wait()
    woke.fetch_add(1)

async fn sleeper(secs: Float, woke: Atomic):
    await sleep(secs)
    woke.fetch_add(1)

async fn selector(a: Channel[Int], b: Channel[Int], marks: List[Atomic]):
    while True:
        try:
            let (i, v) = await select([a, b])
            marks[v].fetch_add(1)
        except ChannelClosed:
            return

# The same through `match` on the pair, channels read in place.
async fn selector_match(a: Channel[Int], b: Channel[Int], marks: List[Atomic]):
    while True:
        try:
            match await select([a, b]):
                case (_, v):
                    marks[v].fetch_add(1)
        except ChannelClosed:
            return

fn cancel_all(ts: List[Task]):
    for t in ts:
        t.cancel()

async fn check_channel(cap: Int, rounds: Int) -> Bool:
    # Senders and receivers on one channel; a random half of the senders and
    # half of the receivers are cancelled while blocked; then the channel is
    # closed and drained.
    let ch = Channel[Int](capacity=cap)
    let marks = new_marks(rounds + 1)
    var senders = []
    var recvs = []
    for i in range(rounds):
        senders.append(spawn(sender(ch, i)))
    for i in range(9):
        if i % 3 == 0:
            recvs.append(spawn(receiver(ch, marks)))
        elif i % 3 == 1:
            recvs.append(spawn(receiver_while_let(ch, marks)))
        else:
            recvs.append(spawn(receiver_select_one(ch, marks)))
    await yield_now()
    var victims = []
    for i in range(rounds):
        if random.int(0, 1) == 0:
            victims.append(senders[i])
    for i in range(4):
        victims.append(recvs[i])
    random.shuffle(victims)
    cancel_all(victims)
    for t in senders:
        let _ = await t.catch()
    ch.close()
    for t in recvs:
        let _ = await t.catch()
    var ok = await check_marks(f"channel cap {cap}", senders, marks)
    # A fresh channel of the same kind works after the storm.
    let ch2 = Channel[Int](capacity=cap)
    let r = spawn(receiver(ch2, marks))
    await ch2.send(rounds)
    ch2.close()
    await r
    if marks[rounds].load() != 1:
        print(f"WRONG: cap {cap}: a fresh channel after the storm lost its value")
        ok = False
    return ok

async fn check_select(rounds: Int) -> Bool:
    let a = Channel[Int]()
    let b = Channel[Int](capacity=2)
    let marks = new_marks(rounds)
    var sels = []
    for i in range(10):
        if i % 4 >= 2:
            sels.append(spawn(selector_match(a, b, marks)))
        else:
            sels.append(spawn(selector(a, b, marks)))
    var senders = []
    for i in range(rounds):
        senders.append(spawn(sender(a if i % 2 == 0 else b, i)))
    await yield_now()
    var victims = []
    for i in range(5):
        victims.append(sels[i * 2])
    for i in range(rounds):
        if i % 3 == 0:
            victims.append(senders[i])
    random.shuffle(victims)
    cancel_all(victims)
    for t in senders:
        let _ = await t.catch()
    a.close()
    b.close()
    for t in sels:
        let _ = await t.catch()
    return await check_marks("select", senders, marks)

async fn check_lock(n: Int) -> Bool:
    let l = Lock()
    let inside = Atomic(0)
    let maxin = Atomic(0)
    let count = Atomic(0)
    var ts = []
    for i in range(n):
        ts.append(spawn(locker(l, inside, maxin, count)))
    await sleep(0.02)
    random.shuffle(ts)
    cancel_all(ts)
    for t in ts:
        let _ = await t.catch()
    if maxin.load() != 0:
        print(f"WRONG: {maxin.load()} tasks inside the lock at once")
        return False
    # The lock is free again: acquire it with a timeout.
    match await timeout(l.acquire(), 1.0):
        case Ok(_):
            l.release()
        case Err(e):
            print(f"WRONG: the lock is still held after the cancellation storm: {e}")
            return False
    if count.load() == 0:
        print("WRONG: no locker ever got the lock")
        return False
    return True

async fn check_semaphore(n: Int, users: Int) -> Bool:
    let s = Semaphore(n)
    let inside = Atomic(0)
    let bad = Atomic(0)
    let count = Atomic(0)
    var ts = []
    for i in range(users):
        ts.append(spawn(sem_user(s, n, inside, bad, count)))
    await sleep(0.02)
    random.shuffle(ts)
    cancel_all(ts)
    for t in ts:
        let _ = await t.catch()
    if bad.load() != 0:
        print(f"WRONG: more than {n} holders at once")
        return False
    if s.available() != n:
        print(f"WRONG: semaphore available() is {s.available()} after the storm, expected {n}")
        return False
    # All n permits can be taken again at once.
    for i in range(n):
        match await timeout(s.acquire(), 1.0):
            case Ok(_):
                pass
            case Err(e):
                print(f"WRONG: permit {i} of {n} cannot be acquired after the storm")
                return False
    for i in range(n):
        s.release()
    return True

async fn check_event(n: Int) -> Bool:
    let e = Event()
    let woke = Atomic(0)
    var ts = []
    for i in range(n):
        ts.append(spawn(waiter(e, woke)))
    await yield_now()
    var victims = []
    for i in range(n):
        if i % 2 == 1:
            victims.append(ts[i])
    cancel_all(victims)
    for t in victims:
        let _ = await t.catch()
    e.set()
    var ok_count = 0
    for t in ts:
        match await t.catch():
            case Ok(_):
                ok_count += 1
            case Err(_):
                pass
    if woke.load() != ok_count or ok_count < n // 2:
        print(f"WRONG: event: {woke.load()} woke, {ok_count} finished normally, expected at least {n // 2}")
        return False
    # A fresh wait on the set event returns at once.
    match await timeout(e.wait(), 1.0):
        case Ok(_):
            return True
        case Err(_):
            print("WRONG: wait() on a set event did not return")
            return False

async fn check_sleep(n: Int) -> Bool:
    let woke = Atomic(0)
    var ts = []
    for i in range(n):
        ts.append(spawn(sleeper(0.05 + 0.0001 * i, woke)))
    await yield_now()
    var victims = []
    for i in range(n):
        if i % 3 != 0:
            victims.append(ts[i])
    cancel_all(victims)
    var finished = 0
    for t in ts:
        match await t.catch():
            case Ok(_):
                finished += 1
            case Err(_):
                pass
    if woke.load() != finished or finished < (n + 2) // 3:
        print(f"WRONG: sleep: {woke.load()} woke, {finished} finished, expected at least {(n + 2) // 3}")
        return False
    return True

async fn main():
    random.seed(int(env.get("STRESS_SEED").unwrap_or("1")))
    let scale = int(env.get("STRESS_SCALE").unwrap_or("1"))
    var ok = True
    for round in range(3):
        for cap in [0, 1, 16]:
            ok = await check_channel(cap, 200 * scale) and ok
        ok = await check_select(200 * scale) and ok
        ok = await check_lock(20 * scale) and ok
        ok = await check_semaphore(3, 30 * scale) and ok
        ok = await check_event(200 * scale) and ok
        ok = await check_sleep(300 * scale) and ok
    if ok:
        print("ok")
