# Checks that json.dumps refuses values JSON cannot hold (TypeError, or ValueError for NaN/infinity and bad indents).
import json

struct Point:
    var x: Int
    var y: Int

def nested(n):
    var v = []
    for i in range(n):
        v = [v]
    return v

def bad(which):
    if which == 0:
        return json.dumps(Point(1, 2))
    elif which == 1:
        return json.dumps({"f": print})
    elif which == 2:
        return json.dumps([Ok(1)])
    elif which == 3:
        return json.dumps({(1, 2): "pair"})
    elif which == 4:
        return json.dumps(float("nan"))
    elif which == 5:
        return json.dumps([1.0, -float("inf")])
    elif which == 6:
        return json.dumps([1], indent=-1)
    elif which == 7:
        return json.dumps([1], indent="  ")
    elif which == 8:
        return json.dumps([1], sort_keys=True)
    elif which == 9:
        return json.dumps(1, 2)
    return json.dumps(nested(1001))

fn main():
    print(len(json.dumps(nested(1000))))
    for i in range(11):
        try:
            print("WRONG", bad(i))
        except e:
            print(e)
# expect: 2002
# expect: TypeError: json.dumps: cannot encode a value of type Point; JSON has Dict, List, String, Int, Float, Bool and None
# expect: TypeError: json.dumps: cannot encode a value of type Function; JSON has Dict, List, String, Int, Float, Bool and None
# expect: TypeError: json.dumps: cannot encode a value of type Result; JSON has Dict, List, String, Int, Float, Bool and None
# expect: TypeError: json.dumps: a Dict key must be a String, Int, Float, Bool or None, not Tuple
# expect: ValueError: json.dumps: cannot encode nan: JSON has no NaN or infinity
# expect: ValueError: json.dumps: cannot encode -inf: JSON has no NaN or infinity
# expect: ValueError: json.dumps: indent must not be negative, got -1
# expect: TypeError: json.dumps: indent must be an Int or None, not String
# expect: TypeError: json.dumps() has no parameter named `sort_keys`
# expect: TypeError: json.dumps() takes 1 argument but 2 were given
# expect: ValueError: json.dumps: value nested deeper than 1000 levels
