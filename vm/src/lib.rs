//! The mojolite VM: compiler (AST → bytecode), values, and the interpreter loop.
