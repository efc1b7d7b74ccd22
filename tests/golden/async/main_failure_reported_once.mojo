# Checks that a failure of `main` is reported as the program's error, not also as a task "never awaited".
async fn main():
    print("start")
    raise ValueError("main gives up")
# expect: start
# expect runtime error: ValueError: main gives up
# expect not in stderr: never awaited
