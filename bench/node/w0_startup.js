'use strict';
// W0 startup: start node, print 0, exit.
console.log(0);
