# args: --workers 1 --virtual-time
# Checks that DeadlockError lists every blocked task with its line and what it waits on (lock, event, semaphore).
async fn holder(lock: Lock, ev: Event):
    async with lock:
        await ev.wait()

async fn main():
    let lock = Lock()
    let ev = Event()
    let a = spawn(holder(lock, ev), name="holder")
    await sleep(0.1)
    let s = Semaphore(0)
    print("about to block")
    await s.acquire()
# expect: about to block
# expect runtime error: task `holder` waits at
# expect not in stderr: never awaited
