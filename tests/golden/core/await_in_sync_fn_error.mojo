# Checks that `await` inside a non-async fn is a compile-time error located at the await
# (line 7), even though the fn is never called.
async fn fetch() -> Int:
    return 3

fn helper() -> Int:
    return await fetch()

fn main():
    print("WRONG: ran")
# expect error: await_in_sync_fn_error.mojo:7:
