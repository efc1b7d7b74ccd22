'use strict';
// W5 sleep_many: 100,000 async functions each await a 1.0 s timer
// (timers/promises setTimeout) and return 1; await in order, sum.
const { setTimeout: sleep } = require('timers/promises');
const { quick } = require('./benchlib');

const N = quick(100_000, 1_000);
const MS = quick(1000, 100);

async function sleeper() {
  await sleep(MS);
  return 1;
}

async function main() {
  const handles = [];
  for (let i = 0; i < N; i++) handles.push(sleeper());
  let total = 0;
  for (const h of handles) total += await h;
  console.log(String(total));
}

main();
