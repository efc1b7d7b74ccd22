# Checks that an error passing through a try/finally (or an except that does not match) keeps its origin: the traceback names the raising frame `fail` at line 3.
fn fail():
    raise ValueError("deep")

fn main():
    try:
        let x = 1
        fail()
    finally:
        print("finally ran")
# expect: finally ran
# expect runtime error: traceback_through_try.mojo:3:5: in fail
