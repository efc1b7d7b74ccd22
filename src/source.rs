//! Reading a program file with one clear line for each way that can fail.

use std::path::Path;

pub fn read(path: &str) -> Result<String, String> {
    let p = Path::new(path);
    if p.is_dir() {
        return Err(format!("mojolite: cannot run `{path}`: it is a directory"));
    }
    let bytes = std::fs::read(p).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        format!("mojolite: cannot read `{path}`: {why}")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("mojolite: `{path}` is not valid UTF-8 (invalid byte at offset {at})")
    })
}
