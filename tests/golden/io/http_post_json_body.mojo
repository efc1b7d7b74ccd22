# Checks an HTTP POST with a JSON body: the handler reads req.method and req.body, answers
# JSON with a Content-Type header, and the client decodes it with response.json().
async fn handler(req) -> Response:
    if req.method != "POST":
        return Response(405, "post only")
    let data = json.parse(req.body)
    var total = 0
    for n in data["numbers"]:
        total += n
    return Response(201, json.dumps({"total": total, "count": len(data["numbers"])}), {"Content-Type": "application/json"})

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let base = "http://" + listener.local_addr()
    let server = spawn(http.serve(listener, handler))
    let r = await http.post(base + "/add", json.dumps({"numbers": [5, 6, 7]}))?
    let body = await r.json()?
    print(r.status, body["total"], body["count"])
    server.cancel()
# expect: 201 18 3
