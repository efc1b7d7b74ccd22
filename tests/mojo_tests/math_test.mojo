# Tests for `mojolite test` (tests/test_runner.rs runs this folder).

fn add(a: Int, b: Int) -> Int:
    return a + b

fn test_add():
    assert add(2, 2) == 4

async fn test_async_sleep():
    await sleep(0.01)
    assert add(1, 2) == 3

fn test_wrong_sum():
    let x = add(2, 2)
    assert x == 5

fn helper_is_not_a_test():
    assert False
