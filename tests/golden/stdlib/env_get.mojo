# Checks that env.get returns Some(value) for a set variable and None for an unset, empty or impossible name.
import env

fn main():
    if let Some(path) = env.get("PATH"):
        print("PATH set", len(path) > 0)
    print(env.get("MOJOLITE_SURELY_UNSET_VARIABLE"))
    print(env.get("MOJOLITE_SURELY_UNSET_VARIABLE").unwrap_or("/tmp"))
    print(env.get(""), env.get("A=B"))
# expect: PATH set True
# expect: None
# expect: /tmp
# expect: None None
