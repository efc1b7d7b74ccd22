# args: --workers 1 --virtual-time
# Checks `await task.catch()`: Ok(value) when the task returned, Err(message) with the panic's
# message as a String when the task panicked; the awaiter itself goes on normally.
async fn checked_div(a: Int, b: Int) -> Int:
    await sleep(0.1)
    if b == 0:
        panic(f"division of {a} by zero")
    return a // b

async fn main():
    print(await spawn(checked_div(9, 3)).catch())
    match await spawn(checked_div(9, 0)).catch():
        case Ok(v):
            print("WRONG", v)
        case Err(msg):
            print("panicked:", msg, type(msg))
    print("awaiter continues")
# expect: Ok(3)
# expect: panicked: division of 9 by zero String
# expect: awaiter continues
