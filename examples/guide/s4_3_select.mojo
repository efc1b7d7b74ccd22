# The guide, chapter 06 "Async Programming", section 4.3 "Select - Multiple
# Channels". The guide's code is in s4_3_select_guide.mojo, ported with only
# the edits of the guide edits of examples/README.md; this file runs it:
#
#   mojolite run examples/guide/s4_3_select.mojo
#
# In the guide's `main` nobody ever sends on `ch1` or `ch2` (they are local to
# it), so its `select` can never finish: every task is blocked, and mojolite
# raises DeadlockError naming the line it waits at, instead of hanging.
# The guide's code sits in a module so that this `main` can catch that error;
# then it runs the same `select` with a task that does send.

from s4_3_select_guide import main as guide_main

async fn main():
    print("The guide's main:")
    try:
        await guide_main()
    except DeadlockError as e:
        print(e)

    # Not from the guide: the same select, with a sender on each channel.
    print("With senders:")
    let ch1 = Channel[Int]::new()
    let ch2 = Channel[String]::new()
    async fn send_int():
        await sleep(0.2)
        await ch1.send(42)
    async fn send_string():
        await sleep(0.1)
        await ch2.send("hello")
    spawn(send_int())
    spawn(send_string())
    for _ in range(2):
        match await select([ch1, ch2]):
            case 0, value:
                print(f"Int: {value}")
            case 1, value:
                print(f"String: {value}")
