# Checks json.dumps(v, indent=N): one item per line, "," without trailing space, empty containers kept inline.
import json

fn main():
    print(json.dumps({"name": "x", "items": [1, [2, 3], {}], "empty": []}, indent=2))
    print(json.dumps([1, 2], indent=0))
    print(json.dumps([1, 2], indent=None))
# expect: {
# expect:   "name": "x",
# expect:   "items": [
# expect:     1,
# expect:     [
# expect:       2,
# expect:       3
# expect:     ],
# expect:     {}
# expect:   ],
# expect:   "empty": []
# expect: }
# expect: [
# expect: 1,
# expect: 2
# expect: ]
# expect: [1, 2]
