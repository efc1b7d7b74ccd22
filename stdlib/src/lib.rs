//! mojolite's I/O modules: `net` (TCP on a mio reactor), `fs` (files on the
//! blocking pool) and `http` (HTTP/1.1 client and server). `install()`
//! registers their natives with the VM; the binary calls it at startup.

mod fs;
mod http;
mod io_util;
mod net;
mod reactor;

use vm::builtins::NativeDef;

/// Registers the I/O natives (idempotent).
pub fn install() {
    vm::builtins::install(vec![
        NativeDef { name: "TcpListener.bind", func: net::bind },
        NativeDef { name: "TcpStream.connect", func: net::connect },
        NativeDef { name: "read_to_string", func: net::read_to_string },
        NativeDef { name: "write_all", func: net::write_all },
        NativeDef { name: "io.read_to_string", func: net::read_to_string },
        NativeDef { name: "io.write_all", func: net::write_all },
        NativeDef { name: "net.read_to_string", func: net::read_to_string },
        NativeDef { name: "net.write_all", func: net::write_all },
        NativeDef { name: "fs.read_text", func: fs::read_text },
        NativeDef { name: "fs.write_text", func: fs::write_text },
        NativeDef { name: "fs.exists", func: fs::exists },
        NativeDef { name: "http.get", func: http::get },
        NativeDef { name: "http.post", func: http::post },
        NativeDef { name: "http.serve", func: http::serve },
        NativeDef { name: "http.Response", func: http::response },
        NativeDef { name: "Response", func: http::response },
        NativeDef { name: "http.__read_request", func: http::read_request },
        NativeDef { name: "http.__write_response", func: http::write_response },
        NativeDef { name: "http.__keep_alive", func: http::keep_alive },
        NativeDef { name: "http.__awaitable", func: http::awaitable },
    ]);
}
