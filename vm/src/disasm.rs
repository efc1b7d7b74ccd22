//! `mojolite disasm`: the bytecode of every function, each instruction with
//! its index and the source line it came from.

use crate::bytecode::{FuncProto, Op};
use std::fmt::Write;

pub fn disassemble(proto: &FuncProto, src: &str) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    function(proto, src, &mut out, &mut seen);
    out
}

fn function(proto: &FuncProto, src: &str, out: &mut String, seen: &mut Vec<*const FuncProto>) {
    if seen.contains(&(proto as *const _)) {
        return;
    }
    seen.push(proto as *const _);
    let _ = writeln!(out, "== {} ({} slots, params: {}) ==", proto.name, proto.nslots, proto.params.join(", "));
    let mut last_line = 0;
    for (i, op) in proto.code.iter().enumerate() {
        let span = proto.spans.get(i).copied().unwrap_or_default();
        let (line, _) = lexer::line_col(src, span.lo as usize);
        if line != last_line {
            let _ = writeln!(out, "     ; {line:>4} | {}", lexer::line_text(src, line).trim());
            last_line = line;
        }
        let _ = writeln!(out, "{i:>5}  {}", describe(proto, op));
    }
    out.push('\n');
    for c in &proto.closures {
        function(&c.proto, src, out, seen);
    }
}

fn describe(proto: &FuncProto, op: &Op) -> String {
    match op {
        Op::Const(i) => {
            format!("Const {i} ({})", proto.consts.get(*i as usize).map(crate::format::to_repr).unwrap_or_default())
        }
        Op::LoadAttr { slot, name } => {
            let name = proto.names.get(*name as usize).map(|s| s.to_string()).unwrap_or_default();
            format!("LoadAttr({slot}).{name}")
        }
        Op::GetAttr(i) => {
            format!("GetAttr {}", proto.names.get(*i as usize).map(|s| s.to_string()).unwrap_or_default())
        }
        Op::CallMethod(i) => match proto.method_sites.get(*i as usize) {
            Some(m) => format!(
                "CallMethod {} argc={} kw={:?}{}",
                m.name,
                m.call.argc,
                m.call.kwnames,
                if m.place.is_some() { " (place)" } else { "" }
            ),
            None => format!("CallMethod {i}"),
        },
        Op::StorePlace(i) | Op::LoadPlace(i) => {
            let name = if matches!(op, Op::StorePlace(_)) { "StorePlace" } else { "LoadPlace" };
            format!("{name} {}", proto.places.get(*i as usize).map(|p| p.text.clone()).unwrap_or_default())
        }
        Op::MakeClosure(i) => {
            format!("MakeClosure {}", proto.closures.get(*i as usize).map(|c| c.proto.name.clone()).unwrap_or_default())
        }
        other => format!("{other:?}"),
    }
}
