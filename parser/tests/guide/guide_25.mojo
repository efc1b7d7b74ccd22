# Tasks have their own stack
async fn recursive_task(n: Int) -> Int:
    if n == 0:
        return 1
    return n * await recursive_task(n - 1)

# Runtime manages:
# - Task allocation
# - Stack growth
# - Cleanup on completion
