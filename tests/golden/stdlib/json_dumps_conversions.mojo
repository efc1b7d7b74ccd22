# Checks what json.dumps accepts beyond the JSON types: tuples as arrays, Some(v) as v, and Int/Float/Bool/None keys as strings.
import json

fn main():
    print(json.dumps((1, "a")), json.dumps(()), json.dumps(Some(3)), json.dumps([Some("x"), None]))
    print(json.dumps({1: "one", 2.5: "f", True: "t", None: "n"}))
# expect: [1, "a"] [] 3 ["x", null]
# expect: {"1": "one", "2.5": "f", "true": "t", "null": "n"}
