# args: --workers 1 --virtual-time
# Checks value semantics across spawn: the task gets a copy of its argument, so the spawner's
# later changes are not seen by the task and the task's changes are not seen by the spawner.
async fn extend_later(xs: List[String]) -> List[String]:
    await sleep(1.0)
    xs.append("task")
    return xs

async fn main():
    var items = ["a"]
    let t = spawn(extend_later(items))
    items.append("main")
    print(await t, items)
# expect: ['a', 'task'] ['a', 'main']
