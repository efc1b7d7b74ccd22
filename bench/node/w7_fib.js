'use strict';
// W7 fib: plain recursive fib(30). The argument comes from a function of the
// environment so that it is not a compile-time constant.
const { quick } = require('./benchlib');

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

console.log(String(fib(quick(30, 20))));
