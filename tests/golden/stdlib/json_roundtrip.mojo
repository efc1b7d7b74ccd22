# Checks that json.parse(json.dumps(v)) gives back an equal value, with and without indent.
import json

fn main():
    let v = {"ints": [0, -1, 9223372036854775807], "floats": [0.1, 1e-7, 2.5e300], "s": "q\"\\\n é", "t": True, "n": None, "d": {"e": {}}}
    print(json.parse(json.dumps(v)) == v, json.parse(json.dumps(v, indent=4)) == v)
    let text = '{"a": [1, 2.5, "x"], "b": {"c": null}}'
    print(json.dumps(json.parse(text)) == text)
# expect: True True
# expect: True
