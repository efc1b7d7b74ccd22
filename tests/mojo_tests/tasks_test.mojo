# Async tests, a timeout and an error; `main` must not run.

async fn test_channel_roundtrip():
    let ch = Channel[Int]()
    async fn producer():
        await ch.send(7)
    let t = spawn(producer())
    assert (await ch.recv()).unwrap() == 7
    await t

async fn test_times_out():
    await sleep(60)

fn test_raises():
    raise ValueError("boom")

fn main():
    print("main must not run")
