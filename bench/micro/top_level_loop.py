# Micro program (bench/run --micro): a 2,000,000-iteration loop in top-level code (module globals); the mojolite form is top_level_loop.mojo.
total = 0
for i in range(2000000):
    total += i
print(total)
