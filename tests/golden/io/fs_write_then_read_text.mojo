# Checks fs.write_text and fs.read_text: both are awaited and give a Result; the text read
# back is exactly the text written (several lines, non-ASCII included). The file name is
# unique per run, so runs at the same time do not meet.
import random

async fn main():
    let dir = env.get("TMPDIR").unwrap_or("/tmp")
    let path = f"{dir}/mojolite_golden_fs_{int(now() * 1000000)}_{random.int(0, 999999)}.txt"
    let text = "first line\nzweite Zeile: grün\n"
    let w = await fs.write_text(path, text)
    print(w.is_ok())
    let back = await fs.read_text(path)?
    print(back == text, len(back.split("\n")), repr(back.split("\n")[1]))
# expect: True
# expect: True 3 'zweite Zeile: grün'
