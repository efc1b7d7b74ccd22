# args: --workers 1
# Checks that argv holds the script path first, then the program's arguments (none here).
fn main():
    print(len(argv), argv[0].endswith("argv_arguments.mojo"))
# expect: 1 True
