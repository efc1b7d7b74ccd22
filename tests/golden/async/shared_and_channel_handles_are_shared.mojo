# Checks that Shared and Channel are handles: copying the variable (or clone()) gives another
# handle to the same cell or channel, so a set() or send through one is seen through the other.
fn main():
    let cell = Shared("old")
    let other = cell
    other.set("new")
    print(cell.get())
    let ch = Channel[Int]::with_capacity(2)
    let twin = ch.clone()
    let copy = ch
    twin.try_send(11)
    copy.try_send(12)
    print(ch.try_recv(), ch.try_recv(), len(twin))
# expect: new
# expect: Some(11) Some(12) 0
