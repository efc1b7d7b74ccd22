# Micro program (bench/run --micro): 3,000,000 `xs.append(i)` on a local list in a loop; the mojolite form is append_loop.mojo.
def main():
    xs = []
    for i in range(3000000):
        xs.append(i)
    print(len(xs))
main()
