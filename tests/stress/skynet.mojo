# skynet: a tree of tasks, 10 children per node. With STRESS_N = 10^k leaves
# it spawns (10^(k+1) - 1) / 9 tasks in all (1 111 111 for 10^6); each leaf
# returns its number, so the root's sum is N * (N - 1) / 2.
async fn skynet(num: Int, size: Int, div: Int) -> Int:
    if size == 1:
        return num
    let sub = size // div
    var tasks = []
    for i in range(div):
        tasks.append(spawn(skynet(num + i * sub, sub, div)))
    var sum = 0
    for t in tasks:
        sum += await t
    return sum

async fn main():
    let size = int(env.get("STRESS_N").unwrap_or("1000000"))
    let total = await skynet(0, size, 10)
    print(total)
    if total != size * (size - 1) // 2:
        print(f"WRONG: expected {size * (size - 1) // 2}")
