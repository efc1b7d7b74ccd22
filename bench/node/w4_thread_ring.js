'use strict';
// W4 thread_ring: 503 async functions in a ring of capacity-1 channels
// (benchlib.Channel(1)); the token 2,000,000 is passed on and decremented; the one
// receiving 0 prints its id. The others are abandoned, waiting on a promise that never
// settles; node exits once nothing else is pending.
const { quick, Channel } = require('./benchlib');

const TOKEN = quick(2_000_000, 10_000);
const RING = 503;

async function member(id, inbox, next, done) {
  for (;;) {
    const t = await inbox.recv();
    if (t === 0) {
      console.log(String(id));
      await done.send(id);
      return;
    }
    await next.send(t - 1);
  }
}

async function main() {
  const inboxes = [];
  for (let k = 0; k < RING; k++) inboxes.push(new Channel(1));
  const done = new Channel(1);
  for (let k = 0; k < RING; k++) member(k + 1, inboxes[k], inboxes[(k + 1) % RING], done);
  await inboxes[0].send(TOKEN);
  await done.recv();
}

main();
