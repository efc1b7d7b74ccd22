# Checks assignment and mutating calls through nested places update in place: a.b.items.append(x), a.b.items[0] = v, pts[0].x = 9, pts[1].bump(), d[k].bump(), d[k].items.append(x).
struct Counter:
    var n: Int

    fn bump(mut self):
        self.n += 1

struct Bag:
    var items: List[Int]

    fn add(mut self, x: Int):
        self.items.append(x)

struct Box:
    var bag: Bag
    var label: String

fn main():
    var b = Box(Bag([]), "b")
    b.bag.items.append(1)
    b.bag.add(2)
    b.bag.items[0] = 10
    b.label += "!"
    print(b.bag.items, b.label)
    var pts = [Counter(0), Counter(5)]
    pts[0].n = 9
    pts[1].bump()
    pts[-1].n += 10
    print(pts[0].n, pts[1].n)
    var d = {"k": Counter(1)}
    d["k"].bump()
    d["k"].n *= 3
    print(d["k"].n)
    var bags = {"x": Bag([])}
    bags["x"].items.append(5)
    bags["x"].add(6)
    print(bags["x"].items)
    var boxes = [b]
    boxes[0].bag.items.append(3)
    print(boxes[0].bag.items, b.bag.items)
# expect: [10, 2] b!
# expect: 9 16
# expect: 6
# expect: [5, 6]
# expect: [10, 2, 3] [10, 2]
