async fn fallible_operation() -> Result[Data, Error]:
    let response = await http.get(url)?  # Propagate error
    
    if response.status != 200:
        return Err(Error(f"Bad status: {response.status}"))
    
    let data = await response.json()?
    return Ok(data)
