# args: --workers 1 --virtual-time
# Checks a pipeline of tasks joined by channels: values keep their order through every stage,
# each stage closes its output when its input ends, so the last stage finishes by itself.
async fn numbers(out: Channel[Int]):
    for n in [3, 1, 4, 1, 5]:
        await out.send(n)
    out.close()

async fn add_ten(inp: Channel[Int], out: Channel[Int]):
    async for n in inp:
        await sleep(0.5)
        await out.send(n + 10)
    out.close()

async fn label(inp: Channel[Int], out: Channel[String]):
    while let Some(n) = await inp.recv():
        await out.send(f"#{n}")
    out.close()

async fn collect(inp: Channel[String]) -> List[String]:
    var acc = []
    async for s in inp:
        acc.append(s)
    return acc

async fn main():
    let t0 = monotonic()
    let a = Channel[Int]()
    let b = Channel[Int]::with_capacity(1)
    let c = Channel[String]()
    spawn(numbers(a.clone()))
    spawn(add_ten(a.clone(), b.clone()))
    spawn(label(b.clone(), c.clone()))
    print(await spawn(collect(c.clone())))
    print(f"took {monotonic() - t0:.1f}")
# expect: ['#13', '#11', '#14', '#11', '#15']
# expect: took 2.5
