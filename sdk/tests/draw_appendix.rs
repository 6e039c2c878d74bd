//! docs/draw-algorithm.md Appendix F, the worked example an implementer
//! checks the primitives against without the vector files: every number in
//! it is recomputed here from the SDK's primitives and must appear in the
//! document exactly (scripts/draw_reference.py recomputes them again from
//! its own, independent primitives).

use jianguan::entity::Uscc;
use jianguan::sampling::prf::{Prf, derive_key, hex, sha256, uscc_block, weighted_key};

fn lp(x: &[u8]) -> Vec<u8> {
    let mut v = (x.len() as u32).to_be_bytes().to_vec();
    v.extend_from_slice(x);
    v
}

/// The appendix's block, line by line, as the document must show it.
fn worked_example() -> String {
    let label = "福彩3D 2026-240";
    let value = "3 8 1";
    let empty = sha256(b"");
    let mut input = lp(b"jianguan-draw/1");
    for _ in 0..4 {
        input.extend_from_slice(&empty);
    }
    input.extend_from_slice(&1u32.to_be_bytes());
    input.extend(lp(label.as_bytes()));
    input.extend(lp(value.as_bytes()));
    let seed = sha256(&input);
    let mut out = vec![
        format!("lp(label) = {}", hex(&lp(label.as_bytes()))),
        format!("seed input bytes = {}", input.len()),
        format!("seed = {}", hex(&seed)),
    ];
    let k0 = derive_key(&seed, "targets", 0);
    let kv = derive_key(&seed, "visits", 0);
    out.push(format!("K_task(0) = {}", hex(&k0)));
    out.push(format!(
        "K_task(1) = {}",
        hex(&derive_key(&seed, "targets", 1))
    ));
    out.push(format!("K_visits = {}", hex(&kv)));
    let codes: Vec<Uscc> = (1..=5)
        .map(|i| Uscc::with_check_character(&format!("91370283MA000000{i}")).unwrap())
        .collect();
    let prf = Prf::new(&k0);
    let mut keyed = Vec::new();
    for c in &codes {
        let b = uscc_block(c);
        let v = prf.eval(b);
        out.push(format!("block({c}) = {b:032x}"));
        out.push(format!("F(K_task(0), {c}) = {v:032x}"));
        keyed.push((v, *c));
    }
    keyed.sort();
    let order: Vec<String> = keyed.iter().map(|(_, c)| c.to_string()).collect();
    out.push(format!("uniform order = {}", order.join(" ")));
    let c = codes[0];
    let v = prf.eval(uscc_block(&c));
    let top = (v >> 76) as u64;
    let u = (top as f64 + 0.5) / (1u64 << 52) as f64;
    let key = weighted_key(v, 3);
    out.push(format!("top52({c}) = {top}"));
    out.push(format!("u({c}) = {u:?}"));
    out.push(format!("key({c}, weight 3) = {key:?}"));
    out.push(format!("key bits = {:016x}", key.to_bits()));
    out.push(format!(
        "F(K_visits, {c}) = {:032x}",
        Prf::new(&kv).eval(uscc_block(&c))
    ));
    let mut ik = seed.to_vec();
    ik.extend(lp(b"inspector"));
    ik.extend(lp(c.as_str().as_bytes()));
    ik.extend(lp(b"MR-1"));
    out.push(format!("inspector key({c}, MR-1) = {}", hex(&sha256(&ik))));
    out.join("\n")
}

#[test]
fn the_appendix_worked_example_is_what_the_code_computes() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/draw-algorithm.md"
    ))
    .unwrap();
    let appendix = doc
        .split("## Appendix F.")
        .nth(1)
        .expect("docs/draw-algorithm.md has Appendix F");
    let block = appendix
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("Appendix F has a ```text block");
    let expected = worked_example();
    assert_eq!(
        block, expected,
        "Appendix F differs from the code; the block should read:\n{expected}"
    );
}

/// §2's example line is the canonical line of its entity: its SHA-256 is
/// the digest of the one-entity roster.
#[test]
fn the_example_roster_line_is_canonical() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/draw-algorithm.md"
    ))
    .unwrap();
    let after = doc
        .split("Example line (no spaces; wrapped here):\n")
        .nth(1)
        .expect("§2 has its example line");
    let line: String = after.lines().take(2).map(|l| l.trim_matches('`')).collect();
    let entry: jianguan::sampling::RosterEntry = serde_json::from_str(&line).unwrap();
    let roster = jianguan::sampling::TargetRoster::new([entry]).unwrap();
    assert_eq!(roster.digest(), &sha256(format!("{line}\n").as_bytes()));
}
