# Checks that String len, indexing (incl. negative), slicing and find count code points, not bytes; out-of-range index is IndexError, slices clamp.
fn main():
    let s = "héllo→🔥"
    print(len(s))
    print(s[0], s[1], s[-1], s[5], s[-7])
    print(s[1:4], s[-2:], s[:2])
    print(f"[{s[10:]}] [{s[3:100]}] [{s[4:2]}]")
    print("日本語".find("語"), "aé🔥b".find("b"))
    print(repr("\u{1F525}"), len("\u{1F525}"))
    try:
        print("WRONG", s[7])
    except IndexError as e:
        print("caught", e.kind)
    try:
        print("WRONG", s[-8])
    except IndexError as e:
        print("caught", e.kind)
# expect: 7
# expect: h é 🔥 → h
# expect: éll →🔥 hé
# expect: [] [lo→🔥] []
# expect: 2 3
# expect: '🔥' 1
# expect: caught IndexError
# expect: caught IndexError
