# Checks that an error raised by a function run with run_blocking is re-raised in the task
# that awaits it, with its kind and message.
fn parse_port(text: String) -> Int:
    let n = int(text)
    if n > 65535:
        raise ValueError(f"port {n} out of range")
    return n

async fn main():
    print(await run_blocking(parse_port, "8080"))
    try:
        print("WRONG", await run_blocking(parse_port, "70000"))
    except ValueError as e:
        print("came back:", e.message)
# expect: 8080
# expect: came back: port 70000 out of range
