async fn safe_operation():
    match await fallible_operation():
        case Ok(data):
            print(f"Success: {data}")
        case Err(error):
            print(f"Error: {error}")
            # Handle error...
