# Checks fs.exists(path): a plain call (not awaited) giving a Bool, True for a file that is
# there (this test's own file, relative to the working folder) and False for a missing path.
fn main():
    print(fs.exists("fs_exists_without_await.mojo"), type(fs.exists("fs_exists_without_await.mojo")))
    print(fs.exists("/mojolite_no_such_dir/nothing.txt"))
# expect: True Bool
# expect: False
