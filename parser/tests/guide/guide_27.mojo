# GOOD - Channels are async-safe
async fn producer(ch: Channel[Int]):
    await ch.send(42)

# AVOID - Shared mutable state
var global_data: Int = 0  # Data race risk
async fn unsafe_increment():
    global_data += 1  # Not safe!
