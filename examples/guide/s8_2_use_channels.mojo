# exit: 2
# The guide, chapter 06 "Async Programming", section 8.2 "Use Channels for
# Communication". Ported with only the edits of the guide edits of examples/README.md: none were
# needed.
#
#   mojolite run examples/guide/s8_2_use_channels.mojo     # a compile error, on purpose
#
# The guide's "AVOID" half writes a global from inside a function: a data
# race risk the guide warns about. In mojolite that does not compile
# (LANGUAGE.md §3): `mojolite run` reports the error, suggesting `Atomic`,
# `Shared` or a `Channel`, and exits with status 2 without running anything.
# The test pins that report (s8_2_use_channels.err). A version that compiles
# is the lost-update example, examples/patterns/lost_update.mojo.

# GOOD - Channels are async-safe
async fn producer(ch: Channel[Int]):
    await ch.send(42)

# AVOID - Shared mutable state
var global_data: Int = 0  # Data race risk
async fn unsafe_increment():
    global_data += 1  # Not safe!
