'use strict';
// W1 spawn_join: 200,000 async-function calls (the promise is the handle), task i
// returns i * 2; await in order, sum.
const { quick } = require('./benchlib');

const N = quick(200_000, 2_000);

async function task(i) {
  return i * 2;
}

async function main() {
  const handles = [];
  for (let i = 0; i < N; i++) handles.push(task(i));
  let total = 0;
  for (const h of handles) total += await h;
  console.log(String(total));
}

main();
