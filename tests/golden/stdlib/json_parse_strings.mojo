# Checks JSON string escapes (including \u escapes and surrogate pairs) and raw non-ASCII text.
import json

fn main():
    print(repr(json.parse('"a\\"b\\\\c\\/d"')))
    print(repr(json.parse('"\\n\\t\\r\\b\\f"')))
    print(json.parse('"\\u00e9\\u4e2d \\ud83d\\ude00"'), json.parse('"café 😀"'))
    print(len(json.parse('"\\ud83d\\ude00"')))
# expect: 'a"b\\c/d'
# expect: '\n\t\r\x08\x0c'
# expect: é中 😀 café 😀
# expect: 1
