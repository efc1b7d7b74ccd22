async fn fetch_data(url: String) -> Result[Data, Error]:
    let response = await http.get(url)?
    let data = await response.json()?
    return Ok(data)
