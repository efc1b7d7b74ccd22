# Checks f-string fill/align/width: strings default left, numbers default right, `^` puts the extra pad on the right, width counts code points, never truncates.
fn main():
    let s = "ab"
    let n = 7
    let neg = -5
    let f = 3.5
    let acc = "é"
    let jp = "日本"
    let w = "wide"
    print(f"[{s:5}] [{s:>5}] [{s:^5}] [{s:<5}]")
    print(f"[{n:4}] [{n:<4}] [{n:^4}] [{n:_>4}]")
    print(f"[{neg:4}] [{f:6}] [{f:<6}] [{neg:^5}]")
    print(f"[{acc:*^5}] [{jp:>4}] [{w:2}] [{w:.<6}]")
# expect: [ab   ] [   ab] [ ab  ] [ab   ]
# expect: [   7] [7   ] [ 7  ] [___7]
# expect: [  -5] [   3.5] [3.5   ] [ -5  ]
# expect: [**é**] [  日本] [wide] [wide..]
