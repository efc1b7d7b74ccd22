# module: the guide's section 4.3, imported by s4_3_select.mojo (which runs it).
# The guide, chapter 06 "Async Programming", section 4.3 "Select - Multiple
# Channels". Ported with only the edits of the guide edits of examples/README.md: the stray `}`
# line dropped. Run on its own, this file is the guide's program: nothing
# ever sends on `ch1` or `ch2`, so `main` waits forever, which mojolite
# reports as a DeadlockError (exit status 1).

from async import select

async fn main():
    let ch1 = Channel[Int]::new()
    let ch2 = Channel[String]::new()
    
    # Wait on multiple channels
    match await select([ch1, ch2]):
        case 0, value:  # Received from ch1
            print(f"Int: {value}")
        case 1, value:  # Received from ch2
            print(f"String: {value}")
