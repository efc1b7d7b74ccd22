# The guide, chapter 06 "Async Programming", section "Examples", Example 5:
# Async HTTP Client. Ported with only the edits of the guide edits of examples/README.md: the
# stray `}` line dropped (`JsonValue` is an unchecked type name, §15).
#
#   mojolite run examples/guide/ex5_async_http_client.mojo
#
# Below the guide's code: a local JSON API (127.0.0.1, port 0) and a `main`
# that fetches from it: good answers, a 404, a 500 and a body that is not JSON.

from async import http

async fn fetch_json(url: String) -> Result[JsonValue, Error]:
    let response = await http.get(url)?
    
    if response.status != 200:
        return Err(Error(f"HTTP {response.status}"))
    
    let data = await response.json()?
    return Ok(data)

async fn fetch_multiple(urls: List[String]):
    var tasks = List[Task]()
    
    for url in urls:
        tasks.append(spawn(fetch_json(url)))
    
    for task in tasks:
        match await task:
            case Ok(data):
                print(f"Success: {data}")
            case Err(error):
                print(f"Error: {error}")

# ---- Not from the guide: running it in one program ----------------------

let USERS = {"1": "ada", "2": "grace"}

async fn api(req) -> Response:
    let json_type = {"Content-Type": "application/json"}
    if req.path.startswith("/users/"):
        let id = req.path[7:]
        if id in USERS:
            return Response(200, json.dumps({"id": int(id), "name": USERS[id]}), json_type)
        return Response(404, json.dumps({"error": "no such user"}), json_type)
    if req.path == "/stats":
        return Response(200, json.dumps({"users": len(USERS), "ok": True}), json_type)
    if req.path == "/crash":
        return Response(500, "internal error")
    return Response(200, "this is not JSON")

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let base = "http://" + listener.local_addr()
    let server = spawn(http.serve(listener, api))
    await fetch_multiple([
        base + "/users/1",
        base + "/users/2",
        base + "/stats",
        base + "/users/3",
        base + "/crash",
        base + "/plain",
    ])
    server.cancel()
