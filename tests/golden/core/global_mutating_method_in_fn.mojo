# Checks that calling a mutating method on a global List inside a function is a compile error (a global write) suggesting Atomic/Shared/Channel.
var log = []

fn record(x: Int):
    log.append(x)

fn main():
    record(1)
# expect error: Atomic
