# args: --workers 1
# `async for` over a channel: at the top level and in a function, over buffered and
# unbuffered channels, with `break` leaving the rest for a later loop (nothing lost).
let nums = Channel[Int]::with_capacity(8)
for i in range(6):
    await nums.send(i)
nums.close()

var firsts = []
async for n in nums:
    firsts.append(n)
    if n == 2:
        break
print("top level:", firsts)

async fn drain(ch: Channel[Int]) -> List[Int]:
    var rest = []
    async for n in ch:
        rest.append(n * 10)
    return rest

print("rest:", await drain(nums))

async fn produce(ch: Channel[String]):
    for w in ["a", "b", "c"]:
        await ch.send(w)
    ch.close()

async fn main():
    let words = Channel[String]()
    spawn(produce(words))
    var got = ""
    async for w in words:
        got += w
    print("unbuffered:", got)
    async for w in words:
        print("WRONG: a closed channel yields nothing more")
# expect: top level: [0, 1, 2]
# expect: rest: [30, 40, 50]
# expect: unbuffered: abc
