# args: --workers 1 --virtual-time
# Checks `async for` over a struct with __aiter__ and an async __anext__ returning Optional:
# each step may await, and the loop ends at the first None.
struct Ticks:
    var left: Int
    var step: Float

    fn __aiter__(self) -> Self:
        return self

    async fn __anext__(mut self) -> Optional[String]:
        if self.left == 0:
            return None
        await sleep(self.step)
        self.left -= 1
        return Some(f"tick{self.left}")

async fn main():
    let t0 = monotonic()
    async for label in Ticks(3, 0.5):
        print(label, f"{monotonic() - t0:.1f}")
    print("stream over")
# expect: tick2 0.5
# expect: tick1 1.0
# expect: tick0 1.5
# expect: stream over
