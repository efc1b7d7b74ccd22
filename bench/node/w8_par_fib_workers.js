'use strict';
// W8 par_fib, worker_threads variant: a pool of 2 worker threads; the 8 fib(27) jobs
// are queued on it and their promises awaited in order.
const { Worker, isMainThread, parentPort } = require('worker_threads');

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

if (!isMainThread) {
  parentPort.on('message', ({ id, n }) => parentPort.postMessage({ id, value: fib(n) }));
} else {
  const { quick } = require('./benchlib');
  const ARG = quick(27, 15);

  class Pool {
    constructor(size) {
      this.idle = [];
      this.queue = [];
      this.pending = new Map();
      this.nextId = 0;
      this.workers = [];
      for (let i = 0; i < size; i++) {
        const w = new Worker(__filename);
        w.on('message', ({ id, value }) => {
          this.pending.get(id)(value);
          this.pending.delete(id);
          this.dispatch(w);
        });
        this.workers.push(w);
        this.idle.push(w);
      }
    }
    dispatch(w) {
      if (this.queue.length > 0) w.postMessage(this.queue.shift());
      else this.idle.push(w);
    }
    run(n) {
      const id = this.nextId++;
      const p = new Promise((resolve) => this.pending.set(id, resolve));
      const job = { id, n };
      if (this.idle.length > 0) this.idle.shift().postMessage(job);
      else this.queue.push(job);
      return p;
    }
    close() {
      return Promise.all(this.workers.map((w) => w.terminate()));
    }
  }

  (async () => {
    const pool = new Pool(2);
    const handles = [];
    for (let i = 0; i < 8; i++) handles.push(pool.run(ARG));
    let total = 0;
    for (const h of handles) total += await h;
    console.log(String(total));
    await pool.close();
  })();
}
