# args: --workers 1 --virtual-time
# Checks ticker(secs): a channel that yields () every `secs`, read here through select().
async fn main():
    let t0 = monotonic()
    let tk = ticker(0.25)
    for i in range(4):
        let (idx, v) = await select([tk])
        print(i, idx, v, f"{monotonic() - t0:.2f}")
# expect: 0 0 () 0.25
# expect: 1 0 () 0.50
# expect: 2 0 () 0.75
# expect: 3 0 () 1.00
