# Checks string literal forms and escapes: both quote styles, \n \t \\ \" \' \u{...}, and triple-quoted multi-line strings.
fn main():
    print("a\tb|", 'it\'s', "say \"hi\"", "back\\slash")
    print("line1\nline2")
    print("\u{48}\u{e9}\u{1F525}")
    let t = """first
  second "quoted"
third"""
    print(t)
    print(len("\n\t"), len("""ab"""))
# expect: a	b| it's say "hi" back\slash
# expect: line1
# expect: line2
# expect: Hé🔥
# expect: first
# expect:   second "quoted"
# expect: third
# expect: 2 2
