# The first mojolite program: a greeting, a function, and two tasks that
# run concurrently. Run it with `mojolite run examples/hello.mojo`.

fn greet(name: String) -> String:
    return f"Hello, {name}!"

async fn count_down(label: String, n: Int) -> Int:
    for i in range(n, 0, -1):
        await sleep(0.01)
    return n

async fn main():
    print(greet("mojolite"))
    let a = spawn(count_down("a", 3))
    let b = spawn(count_down("b", 5))
    print("tasks finished:", await a + await b, "ticks")
