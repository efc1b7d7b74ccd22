# Checks that 1000 levels of JSON nesting parse, and deeper input is a ValueError rather than a crash.
import json

fn main():
    let ok = json.parse("[" * 1000 + "]" * 1000)
    print(type(ok))
    try:
        print("WRONG", len(json.parse("[" * 1001 + "]" * 1001)))
    except ValueError as e:
        print(e.message)
    try:
        print("WRONG", len(json.parse('{"a":' * 5000)))
    except ValueError as e:
        print(e.message)
# expect: List
# expect: json.parse: nesting deeper than 1000 levels at line 1, column 1001
# expect: json.parse: nesting deeper than 1000 levels at line 1, column 5001
