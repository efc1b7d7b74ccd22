'use strict';
// W2 skynet: 1,111,111 async-function calls in a tree of fan-out 10.
const { quick } = require('./benchlib');

const SIZE = quick(1_000_000, 10_000);

async function skynet(num, size, div) {
  if (size === 1) return num;
  const sub = Math.floor(size / div);
  const children = [];
  for (let i = 0; i < div; i++) children.push(skynet(num + i * sub, sub, div));
  let total = 0;
  for (const c of children) total += await c;
  return total;
}

async function main() {
  console.log(String(await skynet(0, SIZE, 10)));
}

main();
