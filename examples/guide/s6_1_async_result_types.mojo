# The guide, chapter 06 "Async Programming", section 6.1 "Async Result Types".
# Ported with only the edits of the guide edits of examples/README.md: the `url` the snippet
# assumes defined at the top (`Data` is an unchecked type name, §15).
#
#   mojolite run examples/guide/s6_1_async_result_types.mojo
#
# The snippet defines `fallible_operation` but no `main`. `url` points at a
# local HTTP server (127.0.0.1, a free port) started by the `main` at the end,
# not from the guide, which calls `fallible_operation` twice: the server
# answers 200 with JSON, then 503.

# Assumed by the guide: the URL to fetch, on a server of our own.
let listener = TcpListener::bind("127.0.0.1:0").unwrap()
let url = "http://" + listener.local_addr() + "/weather"

# ---- The guide's code ------------------------------------------------------

async fn fallible_operation() -> Result[Data, Error]:
    let response = await http.get(url)?  # Propagate error
    
    if response.status != 200:
        return Err(Error(f"Bad status: {response.status}"))
    
    let data = await response.json()?
    return Ok(data)

# ---- Not from the guide: running it -----------------------------------------

let hits = Atomic(0)

# The first request gets JSON, the next ones a 503.
async fn weather(req) -> Response:
    if hits.fetch_add(1) == 0:
        return Response(200, json.dumps({"city": "Oslo", "celsius": 4}), {"Content-Type": "application/json"})
    return Response(503, "try again later")

async fn main():
    let server = spawn(http.serve(listener, weather))
    print(await fallible_operation())
    print(await fallible_operation())
    server.cancel()
