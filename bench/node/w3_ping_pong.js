'use strict';
// W3 ping_pong: two async functions, two capacity-1 channels (benchlib.Channel(1)),
// each hop adds 1.
const { quick, Channel } = require('./benchlib');

const ROUNDS = quick(500_000, 5_000);

async function ping(aToB, bToA) {
  let v = 0;
  for (let i = 0; i < ROUNDS; i++) {
    await aToB.send(v + 1);
    v = await bToA.recv();
  }
  return v;
}

async function pong(aToB, bToA) {
  for (let i = 0; i < ROUNDS; i++) {
    const v = await aToB.recv();
    await bToA.send(v + 1);
  }
}

async function main() {
  const aToB = new Channel(1);
  const bToA = new Channel(1);
  const a = ping(aToB, bToA);
  const b = pong(aToB, bToA);
  const v = await a;
  await b;
  console.log(String(v));
}

main();
