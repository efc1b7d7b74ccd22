# Checks that .unwrap() on Some/Ok (temporaries and variables) gives the value, a struct's own unwrap() is still called, and None still raises.
struct Box:
    var v: Int
    fn unwrap(self) -> Int:
        return self.v * 10

fn main():
    let a = Some(3)
    print(a.unwrap())
    print(Some(4).unwrap())
    let r: Result[Int, String] = Ok(5)
    print(r.unwrap())
    print(Box(6).unwrap())
    let b = Box(7)
    print(b.unwrap())
    var n: Optional[Int] = None
    try:
        print(n.unwrap())
    except e:
        print("error:", e)
    print(a)
# expect: 3
# expect: 4
# expect: 5
# expect: 60
# expect: 70
# expect: error: ValueError: called unwrap on None
# expect: Some(3)
