# Checks f-string `!r` (alone and with a spec), containers showing reprs, `{{`/`}}` escapes and arbitrary expressions inside braces.
fn main():
    let name = "Bo"
    let n = 5
    let d = {"k": [1]}
    print(f"{name!r} {[name]} {(name, 1)} {d}")
    print(f"[{name!r:>6}] {n}{n}{n!r}")
    print(f"{{}} {{{name}}} }}{{ {{x}}")
    print(f"{1 + 2 * 3} {len(name)} {name.upper()} {n > 3}")
    print(f"{Some(name)} {Ok(n)} {None}")
# expect: 'Bo' ['Bo'] ('Bo', 1) {'k': [1]}
# expect: [  'Bo'] 555
# expect: {} {Bo} }{ {x}
# expect: 7 2 BO True
# expect: Some('Bo') Ok(5) None
