from async import select

async fn main():
    let ch1 = Channel[Int]::new()
    let ch2 = Channel[String]::new()
    
    # Wait on multiple channels
    match await select([ch1, ch2]):
        case 0, value:  # Received from ch1
            print(f"Int: {value}")
        case 1, value:  # Received from ch2
            print(f"String: {value}")
