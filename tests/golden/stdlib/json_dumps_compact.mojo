# Checks json.dumps's default layout (Python's: ", " and ": "), escapes, Float text and insertion order.
import json

fn main():
    print(json.dumps({"b": 1, "a": [1, 2.5, True, False, None], "c": {}, "d": []}))
    print(json.dumps("say \"hi\"\n\ttab\\ \u{1} café 😀"))
    print(json.dumps(0.1), json.dumps(1e20), json.dumps(-0.0), json.dumps(3.0), json.dumps(-7))
    print(json.dumps(None), json.dumps(True), json.dumps([]), json.dumps({}))
# expect: {"b": 1, "a": [1, 2.5, true, false, null], "c": {}, "d": []}
# expect: "say \"hi\"\n\ttab\\ \u0001 café 😀"
# expect: 0.1 1e+20 -0.0 3.0 -7
# expect: null true [] {}
