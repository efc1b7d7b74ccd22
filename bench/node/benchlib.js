'use strict';
// Shared helpers for the Node.js peers of bench/.
//
// quick(full, small): the problem size; `small` when BENCH_QUICK=1 is set.
// Channel: a FIFO channel of a given capacity (W3/W4 use capacity 1, W6 1024) built
// from promises. send() waits while `capacity` items are buffered; recv() waits while
// the buffer is empty and resolves to Channel.CLOSED once the channel is closed and
// drained; close() wakes every waiter.

const QUICK = process.env.BENCH_QUICK === '1';

function quick(full, small) {
  return QUICK ? small : full;
}

// A FIFO queue with O(1) push/shift (array + head index, compacted now and then).
class Fifo {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  get length() {
    return this.items.length - this.head;
  }
  push(v) {
    this.items.push(v);
  }
  shift() {
    const v = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
}

const CLOSED = Symbol('closed');

class Channel {
  constructor(capacity) {
    if (!(capacity >= 1)) throw new Error('capacity must be >= 1');
    this.capacity = capacity;
    this.buffer = new Fifo();
    this.receivers = new Fifo(); // resolve functions of waiting recv() calls
    this.senders = new Fifo(); // {value, resolve, reject} of waiting send() calls
    this.closed = false;
  }

  send(value) {
    if (this.closed) return Promise.reject(new Error('send on closed channel'));
    if (this.receivers.length > 0) {
      // The buffer is empty whenever a receiver waits: hand the value over.
      this.receivers.shift()(value);
      return Promise.resolve();
    }
    if (this.buffer.length < this.capacity) {
      this.buffer.push(value);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.senders.push({ value, resolve, reject }));
  }

  recv() {
    if (this.buffer.length > 0) {
      const v = this.buffer.shift();
      if (this.senders.length > 0) {
        const s = this.senders.shift();
        this.buffer.push(s.value);
        s.resolve();
      }
      return Promise.resolve(v);
    }
    if (this.closed) return Promise.resolve(CLOSED);
    return new Promise((resolve) => this.receivers.push(resolve));
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    while (this.receivers.length > 0) this.receivers.shift()(CLOSED);
    while (this.senders.length > 0) this.senders.shift().reject(new Error('channel closed'));
  }
}
Channel.CLOSED = CLOSED;

module.exports = { quick, Channel, CLOSED };
