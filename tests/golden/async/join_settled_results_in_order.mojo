# args: --workers 1 --virtual-time
# Checks join_settled(): one Result per input, in input order, Ok(value) or Err(error); it
# never raises, even when several members fail.
async fn square_or_fail(n: Int, secs: Float) -> Int:
    await sleep(secs)
    if n < 0:
        raise ValueError(f"negative {n}")
    return n * n

async fn main():
    let rs = await join_settled([square_or_fail(3, 0.3), square_or_fail(-2, 0.1), square_or_fail(5, 0.2), square_or_fail(-7, 0.4)])
    print(rs)
    var oks = 0
    for r in rs:
        if r.is_ok():
            oks += 1
    print("ok count", oks, "err count", len(rs) - oks)
# expect: [Ok(9), Err(ValueError: negative -2), Ok(25), Err(ValueError: negative -7)]
# expect: ok count 2 err count 2
