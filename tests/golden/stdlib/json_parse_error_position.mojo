# Checks that json.parse error positions count lines and count columns in characters, not bytes.
import json

fn main():
    try:
        print("WRONG", json.parse('{\n  "a": [1, 2],\n  "b": tru\n}'))
    except ValueError as e:
        print(e.message)
    try:
        print("WRONG", json.parse('["héllo", "wörld" x]'))
    except ValueError as e:
        print(e.message)
# expect: json.parse: invalid literal (expected true, false or null) at line 3, column 8
# expect: json.parse: unexpected character 'x' (expected ',' or ']') at line 1, column 19
