# Checks that an error raised by top-level code (no main) is reported with exit status 1 after the earlier output, in frame `<module>`.
print("top")
let d = {"a": 1}
print(d["missing"])
print("WRONG: unreachable")
# expect: top
# expect runtime error: in <module>
