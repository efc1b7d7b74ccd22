# args: --workers 1
# Checks preemption: two CPU-bound tasks that never await still take turns on one worker, so
# the second one leaves marks before the first one's last mark.
async fn crunch(tag: String, marks: Channel[String], rounds: Int) -> Int:
    var x = 0
    for i in range(rounds):
        x = (x * 31 + i) % 65521
        if i % 200000 == 0:
            marks.try_send(tag)
    return x

async fn main():
    let marks = Channel[String]::with_capacity(50)
    let p = spawn(crunch("P", marks.clone(), 1000000))
    let q = spawn(crunch("Q", marks.clone(), 1000000))
    let rp = await p
    let rq = await q
    print("same result", rp == rq)
    var seq = []
    while let Some(m) = marks.try_recv():
        seq.append(m)
    var first_q = -1
    var last_p = -1
    for i in range(len(seq)):
        if seq[i] == "Q" and first_q < 0:
            first_q = i
        if seq[i] == "P":
            last_p = i
    print(len(seq), "marks, interleaved:", first_q < last_p)
# expect: same result True
# expect: 10 marks, interleaved: True
