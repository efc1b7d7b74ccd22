# Checks that all top-level statements run first (in order), then main; functions defined later are visible; a fn without return gives None.
print("top 1")

fn main():
    print("main", helper())
    print(nothing())

print("top 2")

fn helper() -> Int:
    return 42

fn nothing():
    let x = 1

print("top 3")
# expect: top 1
# expect: top 2
# expect: top 3
# expect: main 42
# expect: None
