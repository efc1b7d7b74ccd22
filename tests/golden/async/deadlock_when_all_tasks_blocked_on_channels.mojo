# args: --workers 1 --virtual-time
# Checks deadlock detection when another task is alive but blocked too: main waits on a
# channel that only a task stuck on an empty channel could send to, so DeadlockError is raised
# in main (exit status 1) instead of hanging.
async fn relay(inbox: Channel[String], outbox: Channel[String]):
    let m = await inbox.recv()
    await outbox.send(m.unwrap())

async fn main():
    let inbox = Channel[String]()
    let outbox = Channel[String]()
    let r = spawn(relay(inbox.clone(), outbox.clone()), name="relay")
    print("main waits")
    let got = await outbox.recv()
    print("WRONG", got, r)
# expect: main waits
# expect runtime error: DeadlockError
# expect runtime error: relay
