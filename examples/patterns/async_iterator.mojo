# args: --workers 1 --virtual-time
# Pattern: a custom async iterator: `async for` over any value with
# `__aiter__` and an `async fn __anext__` that returns `Some(item)`, or
# `None` when done.
# From the seeds: 000 "Expert Async Example" (async iterator classes with
# __aiter__ and __anext__).
#
#   mojolite run examples/patterns/async_iterator.mojo

# Counts down, one number per `interval` seconds.
struct Ticker:
    var n: Int
    var interval: Float

    fn __aiter__(self) -> Self:
        return self

    async fn __anext__(mut self) -> Optional[Int]:
        if self.n == 0:
            return None
        await sleep(self.interval)
        self.n -= 1
        return Some(self.n + 1)

# Pages of results from a (pretend) paginated API, fetched only as the loop
# asks for them: the consumer can stop early, and no page is fetched ahead.
struct Pages:
    var query: String
    var page: Int
    var last_page: Int

    fn __aiter__(self) -> Self:
        return self

    async fn __anext__(mut self) -> Optional[List[String]]:
        if self.page > self.last_page:
            return None
        print(f"  (fetching page {self.page})")
        await sleep(0.2)
        var rows = List[String]()
        for i in range(3):
            rows.append(f"{self.query}-{self.page}.{i}")
        self.page += 1
        return Some(rows)

async fn main():
    print("Ticker(3, 0.5):")
    async for n in Ticker(3, 0.5):
        print(f"  {n} (t={monotonic():.1f}s)")

    print("Pages('mojo'), stopping after the item 'mojo-2.1':")
    async for rows in Pages("mojo", 1, 5):
        var stop = False
        for row in rows:
            print(f"  {row}")
            if row == "mojo-2.1":
                stop = True
                break
        if stop:
            break

    # An async iterator is an ordinary value: it can be driven by hand.
    var it = Ticker(2, 0.1)
    print("by hand:", await it.__anext__(), await it.__anext__(), await it.__anext__())
