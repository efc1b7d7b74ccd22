# Checks every json.parse syntax error: a ValueError whose message says what was expected and where (line, column).
import json

fn main():
    let inputs = [
        "", "[1", '{"a": 1', "{", '{"a"', "[1, 2,]", "[1 x]", '{"a": 1 "b": 2}', "{a: 1}", '{"a": 1,}',
        '{"a" 1}', "1 2", '"abc', '"a\nb"', '"\\q"', '"\\ud800"', '"\\udc00x"', '"\\u12"', "-", "-x", "1.", "1.e5",
        "1e", "1e+", "tru", "nul", "NaN", "01", "[1]]", "é",
    ]
    for s in inputs:
        try:
            print("WRONG", json.parse(s))
        except ValueError as e:
            print(e.message)
# expect: json.parse: unexpected end of input (expected a value) at line 1, column 1
# expect: json.parse: unexpected end of input (expected ',' or ']') at line 1, column 3
# expect: json.parse: unexpected end of input (expected ',' or '}') at line 1, column 8
# expect: json.parse: unexpected end of input (expected a string key) at line 1, column 2
# expect: json.parse: unexpected end of input (expected ':') at line 1, column 5
# expect: json.parse: unexpected character ']' (expected a value) at line 1, column 7
# expect: json.parse: unexpected character 'x' (expected ',' or ']') at line 1, column 4
# expect: json.parse: unexpected character '"' (expected ',' or '}') at line 1, column 9
# expect: json.parse: unexpected character 'a' (expected a string key) at line 1, column 2
# expect: json.parse: unexpected character '}' (expected a string key) at line 1, column 9
# expect: json.parse: unexpected character '1' (expected ':' after an object key) at line 1, column 6
# expect: json.parse: extra data after the JSON value at line 1, column 3
# expect: json.parse: unterminated string at line 1, column 1
# expect: json.parse: control character '\n' inside a string at line 1, column 3
# expect: json.parse: invalid escape '\q' in a string at line 1, column 2
# expect: json.parse: unpaired surrogate in a \u escape at line 1, column 2
# expect: json.parse: unpaired surrogate in a \u escape at line 1, column 2
# expect: json.parse: invalid \u escape (expected 4 hex digits) at line 1, column 2
# expect: json.parse: expected a digit after '-' at line 1, column 2
# expect: json.parse: expected a digit after '-' at line 1, column 2
# expect: json.parse: expected a digit after '.' at line 1, column 3
# expect: json.parse: expected a digit after '.' at line 1, column 3
# expect: json.parse: expected a digit in the exponent at line 1, column 3
# expect: json.parse: expected a digit in the exponent at line 1, column 4
# expect: json.parse: invalid literal (expected true, false or null) at line 1, column 1
# expect: json.parse: invalid literal (expected true, false or null) at line 1, column 1
# expect: json.parse: unexpected character 'N' (expected a value) at line 1, column 1
# expect: json.parse: extra data after the JSON value at line 1, column 2
# expect: json.parse: extra data after the JSON value at line 1, column 4
# expect: json.parse: unexpected character 'é' (expected a value) at line 1, column 1
