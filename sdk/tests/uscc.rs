//! Unified social credit codes, GB 32100-2015 (RULES.md §11). The real codes
//! and the invalid ones are those of RULES.md §11.3.

use jianguan::entity::{Authority, CHARSET, EntityKind, Uscc, UsccError};

/// RULES.md §11.3: real published codes of well-known entities.
const REAL: &[(&str, &str)] = &[
    ("华为技术有限公司", "914403001922038216"),
    ("腾讯科技（深圳）有限公司", "9144030071526726XG"),
    ("阿里巴巴（中国）网络技术有限公司", "91330100716105852F"),
    ("中国工商银行股份有限公司", "91100000100003962T"),
];

#[test]
fn real_codes_parse_with_their_parts() {
    for (name, code) in REAL {
        let u = Uscc::parse(code).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(u.as_str(), *code);
        assert_eq!(u.authority(), Some(Authority::MarketRegulation), "{name}");
        let cat = u.category().expect("91 is in the table");
        assert_eq!((cat.name_zh, cat.name_en), ("企业", "enterprise"));
        assert_eq!(EntityKind::from_uscc(&u), EntityKind::Enterprise);
    }
    let huawei = Uscc::parse("914403001922038216").unwrap();
    assert_eq!(huawei.region().as_str(), "440300");
    assert_eq!(huawei.region().province_name(), Some("广东省"));
    assert_eq!(huawei.organisation_code(), "192203821");
    let icbc = Uscc::parse("91100000100003962T").unwrap();
    assert_eq!(
        icbc.region().province_name(),
        Some("中华人民共和国（中央）")
    );
    let alibaba = Uscc::parse("91330100716105852F").unwrap();
    assert_eq!(alibaba.region().province_name_en(), Some("Zhejiang"));
}

#[test]
fn invalid_codes_of_rules_11_3_are_rejected_with_the_reason() {
    // Wrong check character: positions 1-17 of Tencent's code require 'G'.
    assert_eq!(
        Uscc::parse("9144030071526726XA"),
        Err(UsccError::CheckCharacter {
            input: "9144030071526726XA".into(),
            found: 'A',
            expected: 'G'
        })
    );
    // Wrong check character: Huawei's requires '6'.
    assert!(matches!(
        Uscc::parse("914403001922038217"),
        Err(UsccError::CheckCharacter {
            found: '7',
            expected: '6',
            ..
        })
    ));
    // 'I' is not in the charset (position 2).
    assert!(matches!(
        Uscc::parse("9I440300708461136T"),
        Err(UsccError::Character {
            position: 2,
            found: 'I',
            ..
        })
    ));
    // 'O' is not in the charset (position 18).
    assert!(matches!(
        Uscc::parse("91440300708461136O"),
        Err(UsccError::Character {
            position: 18,
            found: 'O',
            ..
        })
    ));
}

#[test]
fn malformed_input_is_named_precisely() {
    let e = Uscc::parse("91440300192203821").unwrap_err();
    assert!(matches!(e, UsccError::Length { found: 17, .. }), "{e}");
    assert!(e.to_string().contains("17 characters"), "{e}");
    assert!(matches!(
        Uscc::parse("9144030019220382160"),
        Err(UsccError::Length { found: 19, .. })
    ));
    assert!(matches!(
        Uscc::parse(""),
        Err(UsccError::Length { found: 0, .. })
    ));

    let lower = Uscc::parse("9144030071526726xg").unwrap_err();
    assert!(matches!(
        lower,
        UsccError::Character {
            position: 17,
            found: 'x',
            ..
        }
    ));
    assert!(lower.to_string().contains("lower-case"), "{lower}");

    // Full-width digit '９' (U+FF19) in position 1.
    let full = Uscc::parse("９14403001922038216").unwrap_err();
    assert!(matches!(
        full,
        UsccError::Character {
            position: 1,
            found: '９',
            ..
        }
    ));
    assert!(full.to_string().contains("full-width"), "{full}");

    for padded in [
        " 914403001922038216",
        "914403001922038216\n",
        "9144030019 22038216",
    ] {
        let e = Uscc::parse(padded).unwrap_err();
        assert!(e.to_string().contains("whitespace"), "{padded:?}: {e}");
    }

    for (letter, code) in [
        ('I', "91440300192203821I"),
        ('O', "91440300192203821O"),
        ('S', "91440300192203821S"),
        ('V', "91440300192203821V"),
        ('Z', "91440300192203821Z"),
    ] {
        let e = Uscc::parse(code).unwrap_err();
        assert!(matches!(e, UsccError::Character { position: 18, found, .. } if found == letter));
        assert!(
            e.to_string()
                .contains("excludes the letters I, O, S, V and Z"),
            "{e}"
        );
    }

    // Positions 3-8 must be six digits.
    let e = Uscc::with_check_character("9137A283192203821").unwrap_err();
    assert!(matches!(e, UsccError::Region { .. }), "{e}");
    // An unknown province ('99') is only a warning: the code stays valid.
    let odd = Uscc::with_check_character("91990300192203821").unwrap();
    assert_eq!(odd.region().province_name(), None);
    assert!(odd.warnings()[0].contains("990300"), "{:?}", odd.warnings());
    // The central prefix 10 is known only as 100000.
    assert_eq!(
        Uscc::with_check_character("91100100192203821")
            .unwrap()
            .warnings()
            .len(),
        1
    );
}

#[test]
fn with_check_character_reproduces_the_published_check_characters() {
    for (_, code) in REAL {
        let built = Uscc::with_check_character(&code[..17]).unwrap();
        assert_eq!(built.as_str(), *code);
    }
    // A whole code is not 17 characters: refused, not completed.
    let e = Uscc::with_check_character("914403001922038216").unwrap_err();
    assert!(
        matches!(
            e,
            UsccError::Length {
                found: 18,
                expected: 17,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn organisation_code_check_is_only_a_warning() {
    // RULES.md §11.1: 91310000631295002H passes the USCC check but fails GB 11714.
    let u = Uscc::parse("91310000631295002H").expect("valid USCC");
    let w = u.organisation_code_warning().expect("fails GB 11714");
    assert!(w.contains("631295002"), "{w}");
    // Huawei's organisation code 19220382-1 passes GB 11714.
    assert_eq!(
        Uscc::parse("914403001922038216")
            .unwrap()
            .organisation_code_warning(),
        None
    );
}

/// Deterministic codes for the property test: a mixed counter in positions 9–17.
fn generated_codes(n: u64) -> Vec<Uscc> {
    let mut out = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..n {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let prefix = ["91", "92", "93", "51", "12"][(i % 5) as usize];
        let mut s = format!("{prefix}370283");
        for k in 0..9 {
            s.push(CHARSET[((z >> (k * 6)) % 31) as usize] as char);
        }
        out.push(Uscc::with_check_character(&s).unwrap());
    }
    out
}

/// Property: every single-character substitution of a valid code is rejected.
/// GB 32100's weights are all non-zero modulo the prime 31, so changing one
/// character always changes the weighted sum modulo 31; this checks it
/// exhaustively — every position, every other charset character, and
/// characters outside the charset — over the real codes and 2,000 others.
#[test]
fn every_single_character_substitution_is_rejected() {
    let mut codes: Vec<Uscc> = REAL.iter().map(|(_, c)| c.parse().unwrap()).collect();
    codes.extend(generated_codes(2_000));
    let outside = ['I', 'O', 'S', 'V', 'Z', 'a', ' ', '-', '０'];
    let mut tried = 0u64;
    for code in &codes {
        let original: Vec<char> = code.as_str().chars().collect();
        for pos in 0..18 {
            let alternatives = CHARSET.iter().map(|&b| b as char).chain(outside);
            for c in alternatives.filter(|&c| c != original[pos]) {
                let mut v = original.clone();
                v[pos] = c;
                let s: String = v.into_iter().collect();
                let err = Uscc::parse(&s).expect_err(&format!("{s} (from {code}) was accepted"));
                // A charset character that keeps positions 3-8 digits can only
                // be caught by the check character.
                let in_charset = CHARSET.contains(&(c as u8));
                if in_charset && (!(2..8).contains(&pos) || c.is_ascii_digit()) {
                    assert!(
                        matches!(err, UsccError::CheckCharacter { .. }),
                        "{s}: {err}"
                    );
                }
                tried += 1;
            }
        }
    }
    // 2,004 codes × 18 positions × (30 charset + 9 outside) alternatives.
    assert_eq!(tried, 2_004 * 18 * 39);
}

#[test]
fn serde_round_trip_validates() {
    let u: Uscc = serde_json::from_str("\"914403001922038216\"").unwrap();
    assert_eq!(serde_json::to_string(&u).unwrap(), "\"914403001922038216\"");
    let e = serde_json::from_str::<Uscc>("\"914403001922038217\"").unwrap_err();
    assert!(e.to_string().contains("check character"), "{e}");
}
