# Checks that `==` is structural across types: Int/Float, nested lists, dicts (order-insensitive), tuples, Optional/Result, and mixed types compare unequal without error.
fn main():
    print(1 == 1.0, 0.5 == 1 / 2, "1" == 1, None == None)
    print([1, [2, 3]] == [1, [2, 3]], [1, 2] == [2, 1], [1] != [1.0])
    print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 2})
    print((1, "x") == (1, "x"), Some([1]) == Some([1]), Ok(1) == Err(1), None == Some(1))
# expect: True True False True
# expect: True False False
# expect: True False
# expect: True True False False
