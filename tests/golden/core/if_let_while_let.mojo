# Checks `if let Some(x) = ...` (with else), `if let Ok(v) = ...`, and `while let Some(x) = s.pop()` looping until None.
struct Stack:
    var items: List[Int]

    fn pop(mut self) -> Optional[Int]:
        if len(self.items) == 0:
            return None
        return Some(self.items.pop())

fn find(xs: List[Int], t: Int) -> Optional[Int]:
    for i in range(len(xs)):
        if xs[i] == t:
            return Some(i)
    return None

fn main():
    if let Some(i) = find([4, 5, 6], 5):
        print("found at", i)
    else:
        print("WRONG")
    if let Some(i) = find([4], 9):
        print("WRONG", i)
    else:
        print("not found")
    let r: Result[Int, Error] = Ok(3)
    if let Ok(v) = r:
        print("ok", v)
    if let Err(e) = r:
        print("WRONG", e)
    var s = Stack([1, 2, 3])
    while let Some(x) = s.pop():
        print("popped", x)
    print(len(s.items))
# expect: found at 1
# expect: not found
# expect: ok 3
# expect: popped 3
# expect: popped 2
# expect: popped 1
# expect: 0
