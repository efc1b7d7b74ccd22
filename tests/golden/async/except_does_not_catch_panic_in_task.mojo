# args: --workers 1 --virtual-time
# Checks that inside a task neither `except e:` nor a named kind catches a panic: the task ends
# (its finally still runs) and the awaiter sees the panic through catch().
async fn guarded() -> Int:
    try:
        try:
            panic("not an exception")
        except Error as e:
            print("WRONG: caught by kind", e)
    except e:
        print("WRONG: caught by catch-all", e)
    finally:
        print("task finally runs")
    print("WRONG: task went on")
    return 0

async fn main():
    let t = spawn(guarded())
    if let Err(msg) = await t.catch():
        print("awaiter saw:", msg)
# expect: task finally runs
# expect: awaiter saw: not an exception
