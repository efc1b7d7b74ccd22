# Checks that select() of an empty list raises ValueError instead of waiting forever.
async fn main():
    try:
        print("WRONG", await select([]))
    except ValueError as e:
        print("caught", e.kind)
# expect: caught ValueError
