# args: --workers 1 --virtual-time
# Checks that race() gives (index, value) of the first member to finish, at that member's
# time, and that the result can be taken apart with a bare-tuple `case i, v:` pattern.
async fn courier(name: String, secs: Float) -> String:
    await sleep(secs)
    return name + " arrived"

async fn main():
    let t0 = monotonic()
    let (idx, msg) = await race([courier("bike", 1.2), courier("van", 2.0), courier("drone", 0.4)])
    print(idx, msg, f"{monotonic() - t0:.1f}")
    match await race([courier("north", 0.6), courier("south", 0.3)]):
        case 0, who:
            print("WRONG", who)
        case 1, who:
            print("index 1 won:", who)
# expect: 2 drone arrived 0.4
# expect: index 1 won: south arrived
