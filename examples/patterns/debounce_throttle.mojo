# args: --workers 1 --virtual-time
# Pattern: debounce (act only once the calls have stopped for a while) and
# throttle (act at most once per period).
# From the seeds: 002 "Debounce & Throttle" (Python decorators keeping the
# pending task or the last call time in a closure).
#
#   mojolite run examples/patterns/debounce_throttle.mojo
#
# Python keeps that state with `nonlocal`; a mojolite closure copies what it
# captures, so the state lives in `Shared` cells, which every copy of the
# struct shares.

# Runs `action(arg)` `wait` seconds after the last call; each call cancels
# the one still waiting.
struct Debouncer:
    var wait: Float
    var action: async fn(String)
    var pending: Shared  # Optional[Task]: the call still waiting, if any

    async fn call(self, arg: String):
        if let Some(task) = self.pending.get():
            task.cancel()
        let wait = self.wait
        let action = self.action
        async fn delayed():
            await sleep(wait)
            await action(arg)
        self.pending.set(Some(spawn(delayed())))

# Runs `action(arg)` only if `period` seconds have passed since the last run;
# other calls are dropped.
struct Throttler:
    var period: Float
    var action: async fn(String)
    var last: Shared  # Float: when the action last ran

    async fn call(self, arg: String):
        let now = monotonic()
        if now - self.last.get() >= self.period:
            self.last.set(now)
            let action = self.action
            await action(arg)

async fn search(text: String):
    print(f"  t={monotonic():.1f}s search for {text!r}")

async fn on_scroll(position: String):
    print(f"  t={monotonic():.1f}s redraw at {position}")

async fn main():
    print("debounce 0.3 s: typing 'mojo', a pause, then 'lite'")
    let debounced = Debouncer(0.3, search, Shared(None))
    for text in ["m", "mo", "moj", "mojo"]:
        await debounced.call(text)
        await sleep(0.1)
    await sleep(0.6)
    for text in ["mojol", "mojolite"]:
        await debounced.call(text)
        await sleep(0.1)
    await sleep(0.5)

    print(f"throttle 0.35 s: a scroll event every 0.1 s, from t={monotonic():.1f}s for 1 s")
    let throttled = Throttler(0.35, on_scroll, Shared(-math.inf))
    for i in range(11):
        await throttled.call(f"line {i * 10}")
        await sleep(0.1)
