# Fields with a default may be left out of the memberwise constructor, positionally
# or by name; a field without one may not.
struct Config:
    var name: String
    var retries: Int = 3
    var verbose: Bool = False

fn main():
    print(Config("a"))
    print(Config("b", 5))
    print(Config(name="c", verbose=True))
# expect: Config(name='a', retries=3, verbose=False)
# expect: Config(name='b', retries=5, verbose=False)
# expect: Config(name='c', retries=3, verbose=True)
