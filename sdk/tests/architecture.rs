//! The modules of `sampling` import one another without a cycle (issue 18,
//! "Untangle"): a cycle means no module can be read, tested or moved on its
//! own. Reads every `.rs` file under `sdk/src/sampling/`, collects the
//! top-level sampling modules each names through `use super::…`,
//! `use crate::sampling::…` or a `super::x::…` path, and looks for a cycle.
//! A file inside a folder module counts as that module; a name taken from
//! `sampling`'s own re-exports counts as the module it is re-exported from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module → (module it names → where it first names it).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Sep,
    Punct(char),
}

/// Rust source as identifiers, `::` and punctuation, each with its line;
/// comments, string and character literals and numbers dropped, so that a
/// path in a doc comment or a string is not taken for an import.
fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = src.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(at(i) == '\n');
                    i += 1;
                }
            }
        } else if let Some((body, hashes, raw)) = string_start(&c, i) {
            i = body;
            loop {
                if !raw && c[i] == '\\' {
                    i += 2;
                    continue;
                }
                line += usize::from(c[i] == '\n');
                if c[i] == '"' && (0..hashes).all(|h| at(i + 1 + h) == '#') {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
        } else if ch == '\'' {
            // A character literal ('a', '\n', '\u{1}'); otherwise a lifetime.
            if at(i + 1) == '\\' {
                i += 2;
                while c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(c[start..i].iter().collect()), line));
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '.') {
                i += 1;
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push((Tok::Sep, line));
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push((Tok::Punct(ch), line));
            }
            i += 1;
        }
    }
    out
}

/// Whether a string literal (`"`, `r"`, `r#"`, `b"`, `br#"`) starts at `i`:
/// where its body starts, its number of hashes, and whether it is raw.
fn string_start(c: &[char], i: usize) -> Option<(usize, usize, bool)> {
    if c[i] == '"' {
        return Some((i + 1, 0, false));
    }
    if i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if c[j] == 'b' {
        j += 1;
    }
    let raw = c.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    let hashes = c[j..].iter().take_while(|&&x| x == '#' && raw).count();
    j += hashes;
    (j > i && c.get(j) == Some(&'"')).then_some((j + 1, hashes, raw))
}

/// The paths a `use` tree starting at `toks[*i]` imports, with the alias
/// each is imported as; `*i` ends after the tree.
fn use_tree(toks: &[(Tok, usize)], i: &mut usize, prefix: &[String]) -> Vec<(Vec<String>, String)> {
    let mut path = prefix.to_vec();
    loop {
        match toks.get(*i).map(|t| &t.0) {
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                *i += 1;
                if toks.get(*i).map(|t| &t.0) == Some(&Tok::Sep) {
                    *i += 1;
                    continue;
                }
                let mut alias = path.last().cloned().unwrap_or_default();
                if toks.get(*i).map(|t| &t.0) == Some(&Tok::Ident("as".into())) {
                    if let Some((Tok::Ident(a), _)) = toks.get(*i + 1) {
                        alias = a.clone();
                    }
                    *i += 2;
                }
                if path.last().is_some_and(|s| s == "self") {
                    path.pop();
                }
                return vec![(path, alias)];
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                path.push("*".into());
                return vec![(path, "*".into())];
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                let mut leaves = Vec::new();
                while !matches!(toks.get(*i).map(|t| &t.0), Some(Tok::Punct('}')) | None) {
                    leaves.extend(use_tree(toks, i, &path));
                    if toks.get(*i).map(|t| &t.0) == Some(&Tok::Punct(',')) {
                        *i += 1;
                    }
                }
                *i += 1;
                return leaves;
            }
            _ => return Vec::new(),
        }
    }
}

/// A path as named in module `cur` (a path inside `sampling`), made
/// absolute inside `sampling`; `None` for a path outside it.
fn absolute(segs: &[String], cur: &[String], modules: &BTreeSet<String>) -> Option<Vec<String>> {
    let first = segs.first()?.as_str();
    match first {
        "crate" => (segs.get(1)?.as_str() == "sampling").then(|| segs[2..].to_vec()),
        "self" => Some([cur, &segs[1..]].concat()),
        "super" => {
            let mut m = cur.to_vec();
            let ups = segs.iter().take_while(|s| *s == "super").count();
            for _ in 0..ups {
                m.pop()?;
            }
            Some([&m[..], &segs[ups..]].concat())
        }
        // A bare path is relative in `sampling` itself only when it names a module.
        _ => (cur.is_empty() && modules.contains(first)).then(|| segs.to_vec()),
    }
}

/// Every path a file names, each made absolute inside `sampling`, with its line.
fn named_paths(
    src: &str,
    file_module: &[String],
    modules: &BTreeSet<String>,
) -> Vec<(Vec<String>, String, usize)> {
    let toks = tokens(src);
    let (mut out, mut depth, mut inline) = (Vec::new(), 0usize, Vec::<(String, usize)>::new());
    let mut i = 0;
    while i < toks.len() {
        let cur: Vec<String> = file_module
            .iter()
            .cloned()
            .chain(inline.iter().map(|m| m.0.clone()))
            .collect();
        let line = toks[i].1;
        match &toks[i].0 {
            Tok::Ident(k) if k == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth + 1));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(k) if k == "use" => {
                i += 1;
                for (path, alias) in use_tree(&toks, &mut i, &[]) {
                    if let Some(abs) = absolute(&path, &cur, modules) {
                        let shown = match path.last() {
                            Some(last) if *last != alias => {
                                format!("use {} as {alias}", path.join("::"))
                            }
                            _ => format!("use {}", path.join("::")),
                        };
                        out.push((abs, shown, line));
                    }
                }
                continue;
            }
            Tok::Ident(k)
                if ["super", "crate", "self"].contains(&k.as_str())
                    && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Sep) =>
            {
                let mut path = vec![k.clone()];
                i += 1;
                while let (Some((Tok::Sep, _)), Some((Tok::Ident(s), _))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    path.push(s.clone());
                    i += 2;
                }
                if let Some(abs) = absolute(&path, &cur, modules) {
                    out.push((abs, path.join("::"), line));
                }
                continue;
            }
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|m| m.1 > depth) {
                    inline.pop();
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The file's module path inside `sampling` (`roster/builder.rs` → roster, builder).
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("readable folder") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The graph of `sampling`'s top-level modules, or the paths that could not
/// be placed in a module (a name `sampling` neither declares nor re-exports).
fn sampling_graph(root: &Path) -> Result<Graph, Vec<String>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files.sort();
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| {
            module_of(f.strip_prefix(root).expect("inside"))
                .first()
                .cloned()
        })
        .collect();
    // What `sampling` re-exports, by the name it is seen under.
    let root_src = std::fs::read_to_string(root.join("mod.rs")).expect("sampling/mod.rs");
    let mut reexports = BTreeMap::new();
    let toks = tokens(&root_src);
    for i in 0..toks.len() {
        if toks[i].0 == Tok::Ident("use".into()) {
            let mut j = i + 1;
            for (path, alias) in use_tree(&toks, &mut j, &[]) {
                if path.first().is_some_and(|m| modules.contains(m)) {
                    reexports.insert(alias, path[0].clone());
                }
            }
        }
    }
    let (mut graph, mut unplaced) = (Graph::new(), Vec::new());
    for f in &files {
        let rel = f.strip_prefix(root).expect("inside");
        let module = module_of(rel);
        let Some(from) = module.first() else { continue };
        graph.entry(from.clone()).or_default();
        let src = std::fs::read_to_string(f).expect("readable file");
        for (abs, shown, line) in named_paths(&src, &module, &modules) {
            let to = match abs.first() {
                // `sampling` itself, as in `pub(in crate::sampling)`.
                None => continue,
                Some(m) if modules.contains(m) => m.clone(),
                Some(name) if reexports.contains_key(name) => reexports[name].clone(),
                _ => {
                    unplaced.push(format!("sampling/{}:{line}: `{shown}`", rel.display()));
                    continue;
                }
            };
            if to != *from {
                graph
                    .get_mut(from)
                    .expect("added")
                    .entry(to)
                    .or_insert_with(|| format!("sampling/{}:{line}: `{shown}`", rel.display()));
            }
        }
    }
    if unplaced.is_empty() {
        Ok(graph)
    } else {
        Err(unplaced)
    }
}

/// A cycle of `graph` as the modules along it, first repeated at the end.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit<'a>(
        n: &'a str,
        graph: &'a Graph,
        done: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == n) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if !done.insert(n) {
            return None;
        }
        path.push(n);
        for next in graph.get(n).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

#[test]
fn sampling_modules_import_one_another_without_a_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sampling");
    let graph = match sampling_graph(&root) {
        Ok(g) => g,
        Err(unplaced) => panic!(
            "paths that name no sampling module:\n{}",
            unplaced.join("\n")
        ),
    };
    // The graph really was read: the draw needs the record, which needs visits.
    assert!(
        graph["setup"].contains_key("record") && graph["record"].contains_key("visits"),
        "{graph:#?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]]))
            .collect();
        panic!(
            "import cycle in sampling: {}\n{}",
            cycle.join(" → "),
            steps.join("\n")
        );
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_only_a_cycle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in edges {
            g.entry(a.to_string())
                .or_default()
                .insert(b.to_string(), String::new());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    let cyclic = graph(&[("a", "b"), ("b", "c"), ("c", "d"), ("c", "a"), ("e", "a")]);
    assert_eq!(
        find_cycle(&cyclic),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
    let acyclic = graph(&[("a", "b"), ("b", "c"), ("a", "c"), ("e", "a")]);
    assert_eq!(find_cycle(&acyclic), None);
}

#[test]
fn paths_are_read_from_code_only_and_placed_in_their_top_level_module() {
    let modules: BTreeSet<String> = ["plan", "prf", "record", "roster"].map(String::from).into();
    let src = r##"
        //! [`super::record::Visit`] in a comment is no import.
        use super::{plan::Plan, prf::{self, hex as h}};
        use crate::sampling::record::DrawRecord;
        use crate::entity::Uscc;
        const S: &str = "super::record::x";
        const R: &str = r#"super::record::y"#;
        fn f<'a>(c: char) -> bool { let _ = super::super::prf::sha256(b"x"); c == '{' }
        mod tests { use super::*; fn g() { super::super::super::roster::TargetRoster::new(); } }
    "##;
    let named: Vec<(Vec<String>, usize)> =
        named_paths(src, &["roster".into(), "builder".into()], &modules)
            .into_iter()
            .map(|(p, _, line)| (p, line))
            .collect();
    let p = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        named,
        vec![
            (p(&["roster", "plan", "Plan"]), 3),
            (p(&["roster", "prf"]), 3),
            (p(&["roster", "prf", "hex"]), 3),
            (p(&["record", "DrawRecord"]), 4),
            (p(&["prf", "sha256"]), 8),
            (p(&["roster", "builder", "*"]), 9),
            (p(&["roster", "TargetRoster", "new"]), 9),
        ]
    );
}
