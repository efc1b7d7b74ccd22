# The guide, chapter 06 "Async Programming", section "Examples", Example 2:
# Concurrent Downloads. Ported with only the edits of the guide edits of examples/README.md: the
# stray `}` line dropped (`Data` is an unchecked type name, §15).
#
#   mojolite run examples/guide/ex2_concurrent_downloads.mojo
#
# Below the guide's code: a local HTTP server (127.0.0.1, port 0) serving
# the files to download, and a `main` that downloads them all at once.

from async import spawn, join

async fn download(url: String) -> Result[Data, Error]:
    print(f"Downloading {url}")
    let response = await http.get(url)?
    let data = await response.bytes()?
    print(f"Downloaded {url}: {data.len()} bytes")
    return Ok(data)

async fn download_all(urls: List[String]) -> List[Data]:
    var tasks = List[Task[Data]]()
    
    # Start all downloads
    for url in urls:
        tasks.append(spawn(download(url)))
    
    # Wait for all
    var results = List[Data]()
    for task in tasks:
        match await task:
            case Ok(data):
                results.append(data)
            case Err(e):
                print(f"Download failed: {e}")
    
    return results

# ---- Not from the guide: running it in one program ----------------------

# /files/N is N * 1000 bytes, sent after N * 0.1 s, so the downloads
# finish in a known order (the output is the same on every run).
async fn file_server(req) -> Response:
    let parts = req.path.split("/")
    if len(parts) == 3 and parts[1] == "files":
        let n = int(parts[2])
        await sleep(n * 0.1)
        return Response(200, "x" * (n * 1000))
    return Response(404, "no such file")

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let base = "http://" + listener.local_addr()
    let server = spawn(http.serve(listener, file_server))

    # Three files, and one URL that cannot be downloaded (no https here).
    let urls = [base + "/files/3", base + "/files/1", base + "/files/2", "https://127.0.0.1/files/4"]
    let started = monotonic()
    let results = await download_all(urls)
    let elapsed = monotonic() - started
    var total = 0
    for data in results:
        total += data.len()
    print(f"{len(results)} of {len(urls)} downloads succeeded, {total} bytes in all")
    # Concurrent: about 0.3 s (the slowest file), not 0.6 s (their sum).
    print("concurrent:", elapsed < 0.55)
    server.cancel()
