let GREETING = "hello"

fn test_upper():
    assert GREETING.upper() == "HELLO", "upper-casing"

fn test_message_and_values():
    assert GREETING.len() < 3, "too long"
