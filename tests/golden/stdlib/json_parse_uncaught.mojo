# Checks that an uncaught json.parse error ends the program with the ValueError and its position.
import json

fn main():
    print("before")
    let data = json.parse('{"a": 1,, "b": 2}')
    print("WRONG", data)
# expect: before
# expect runtime error: ValueError: json.parse: unexpected character ',' (expected a string key) at line 1, column 9
