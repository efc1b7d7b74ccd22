# args: --max-memory 64M
# A program that grows a list without bound ends with a MemoryError (exit 1, with a
# traceback) under --max-memory, not with the machine's OOM killer.
var xs = []
while True:
    xs.append("some text " * 10)
# expect runtime error: error: MemoryError: out of memory:
# expect runtime error: (the limit is set with --max-memory)
# expect runtime error: memory_limit_unbounded_list.mojo:6
