from async import race

async fn main():
    # Wait for first to complete
    match await race([
        fetch("primary_server"),
        fetch("backup_server"),
    ]):
        case 0, result:  # Primary won
            print(f"Primary: {result}")
        case 1, result:  # Backup won
            print(f"Backup: {result}")
