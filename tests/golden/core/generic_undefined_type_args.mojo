# Checks that type arguments in expressions may name types the program does not define (§15): List[Data](), Dict[String, Json]().
fn main():
    var xs = List[Data]()
    var ts = List[Task[Data]]()
    let d = Dict[String, JsonValue]()
    xs.append(1)
    print(xs, ts, d)
# expect: [1] [] {}
