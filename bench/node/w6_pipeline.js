'use strict';
// W6 pipeline: producer -> Channel(1024) -> 4 workers (v*v) -> Channel(1024) ->
// collector; channels are closed for end-of-stream. Squares (<= 1e12) are exact
// doubles; the sum (~3.3e17 > 2^53) is accumulated exactly in a BigInt.
const { quick, Channel, CLOSED } = require('./benchlib');

const N = quick(1_000_000, 10_000);

async function producer(c1) {
  for (let v = 1; v <= N; v++) await c1.send(v);
  c1.close();
}

async function worker(c1, c2) {
  for (;;) {
    const v = await c1.recv();
    if (v === CLOSED) return;
    await c2.send(v * v);
  }
}

async function collector(c2) {
  let total = 0n;
  for (;;) {
    const v = await c2.recv();
    if (v === CLOSED) return total;
    total += BigInt(v);
  }
}

async function main() {
  const c1 = new Channel(1024);
  const c2 = new Channel(1024);
  const p = producer(c1);
  const workers = [];
  for (let i = 0; i < 4; i++) workers.push(worker(c1, c2));
  const c = collector(c2);
  await p;
  for (const w of workers) await w;
  c2.close();
  console.log(String(await c));
}

main();
