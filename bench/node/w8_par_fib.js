'use strict';
// W8 par_fib: 8 async-function calls each computing fib(27); await in order, sum.
// They all run on node's one JavaScript thread, one after another; see
// w8_par_fib_workers.js for the worker_threads variant.
const { quick } = require('./benchlib');

const ARG = quick(27, 15);

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

async function task(n) {
  return fib(n);
}

async function main() {
  const handles = [];
  for (let i = 0; i < 8; i++) handles.push(task(ARG));
  let total = 0;
  for (const h of handles) total += await h;
  console.log(String(total));
}

main();
