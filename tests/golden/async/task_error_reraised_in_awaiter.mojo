# args: --workers 1 --virtual-time
# Checks that an error raised inside a spawned task is re-raised in the task that awaits it,
# with its kind and message, is catchable there, and is raised again by a second await.
async fn lookup(key: String) -> Int:
    await sleep(0.2)
    if key != "q":
        raise KeyError("no entry " + key)
    return 17

async fn main():
    let good = spawn(lookup("q"))
    let bad = spawn(lookup("zz"))
    print(await good)
    try:
        print("WRONG", await bad)
    except KeyError as e:
        print("caught from task:", e)
    try:
        print("WRONG", await bad)
    except KeyError as e:
        print("second await:", e.kind)
# expect: 17
# expect: caught from task: KeyError: no entry zz
# expect: second await: KeyError
