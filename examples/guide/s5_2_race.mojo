# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 5.2 "Race Condition".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helper `fetch` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s5_2_race.mojo

from async import race

# Helper assumed by the guide: a pretend fetch; the backup server answers
# first, and the primary's fetch is cancelled when it loses the race.
let DELAYS = {"primary_server": 0.3, "backup_server": 0.1}

async fn fetch(url: String) -> String:
    print(f"fetching from {url}")
    try:
        await sleep(DELAYS[url])
    except CancelledError as e:
        print(f"fetch from {url} cancelled")
        raise e
    return f"<reply from {url}>"

# ---- The guide's code ------------------------------------------------------

async fn main():
    # Wait for first to complete
    match await race([
        fetch("primary_server"),
        fetch("backup_server"),
    ]):
        case 0, result:  # Primary won
            print(f"Primary: {result}")
        case 1, result:  # Backup won
            print(f"Backup: {result}")
