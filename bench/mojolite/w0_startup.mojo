# W0 startup: start the runtime, print 0, exit.
async fn main():
    print(0)
