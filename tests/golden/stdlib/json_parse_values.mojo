# Checks that json.parse maps objects, arrays, numbers, booleans, null and strings to Dict, List, Int, Float, Bool, None, String.
import json

fn main():
    let d = json.parse('{"name": "Ada", "age": 36, "score": 9.5, "ok": true, "no": false, "none": null, "tags": ["a", "b"], "nested": {"x": []}}')
    print(d)
    print(type(d), type(d["tags"]), type(d["age"]), type(d["score"]), type(d["ok"]), type(d["none"]))
    print(json.parse(" [ ] "), json.parse("{}"), json.parse("\n\t 42 \r\n"), json.parse('"hi"'), json.parse("null"))
    print(json.parse('{"k": 1, "k": 2, "j": 3}'))
# expect: {'name': 'Ada', 'age': 36, 'score': 9.5, 'ok': True, 'no': False, 'none': None, 'tags': ['a', 'b'], 'nested': {'x': []}}
# expect: Dict List Int Float Bool NoneType
# expect: [] {} 42 hi None
# expect: {'k': 2, 'j': 3}
