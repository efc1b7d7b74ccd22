# Checks repr of Strings follows Python: single quotes unless the text holds a single quote and no double quote; escapes for \n \t \\ and the chosen quote.
fn main():
    print(repr("plain"), repr("it's"), repr('say "hi"'))
    print(repr("a\nb"), repr("tab\t"), repr("back\\slash"))
    print(repr("both ' and \""))
    print(["it's", "x"], repr(""))
# expect: 'plain' "it's" 'say "hi"'
# expect: 'a\nb' 'tab\t' 'back\\slash'
# expect: 'both \' and "'
# expect: ["it's", 'x'] ''
