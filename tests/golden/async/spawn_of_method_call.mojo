# Checks spawn(obj.method(args)) of async methods: on a local, on `self` inside a method, on
# a temporary, with keyword arguments, and with a task name: each task runs the method on
# its receiver with its arguments, and the handle's name is the method's unless given.
struct Scale:
    var factor: Int

    async fn times(self, x: Int, plus: Int = 0) -> Int:
        await sleep(0)
        return x * self.factor + plus

    async fn fan(self, n: Int) -> Int:
        var hs = []
        for i in range(n):
            hs.append(spawn(self.times(i)))
        var total = 0
        for h in hs:
            total += await h
        return total

async fn main():
    let s = Scale(3)
    let a = spawn(s.times(5))
    let b = spawn(Scale(10).times(2, plus=1))
    let c = spawn(s.fan(4))
    let d = spawn(s.times(1), name="custom")
    print(await a, await b, await c, await d)
    print(a.name(), d.name())
# expect: 15 21 18 3
# expect: Scale.times custom
