# Zero to a negative power is a ZeroDivisionError (as in Python), for Int and Float;
# other negative powers give a Float.
print(2 ** -1, 2.0 ** -2, 0 ** 0, 0.0 ** 2)
for base in [0, 0.0]:
    try:
        print(base ** -1)
    except ZeroDivisionError as e:
        print(e)
# expect: 0.5 0.25 1 0.0
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
