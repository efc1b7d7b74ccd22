# Checks that when several channels are ready, select() takes one of them at random rather
# than always the first: with two channels kept ready, each is chosen many times in 300
# selects, and every value sent is received exactly once.
async fn main():
    let x = Channel[Int]::with_capacity(1)
    let y = Channel[Int]::with_capacity(1)
    var picks = [0, 0]
    var sent = 0
    var received = 0
    for round in range(300):
        if x.try_send(1):
            sent += 1
        if y.try_send(10):
            sent += 10
        let (i, v) = await select([x, y])
        picks[i] += 1
        received += v
    print(picks[0] > 60, picks[1] > 60, picks[0] + picks[1])
    while let Some(v) = x.try_recv():
        received += v
    while let Some(v) = y.try_recv():
        received += v
    print(received == sent)
# expect: True True 300
# expect: True
