use super::*;

/// The sources of the worked example, RFC 3797 §6: a four-digit state
/// lottery number, the winning horses of a day's races (published out of
/// order), and six lottery numbers.
fn rfc_sources() -> [EntropySource; 3] {
    [
        EntropySource::numbers([9319]),
        EntropySource::numbers([2, 5, 12, 8, 10]),
        EntropySource::numbers([9, 18, 26, 34, 41, 45]),
    ]
}

/// RFC 3797 §6's ordered pool of 25 volunteers.
const RFC_POOL: [&str; 25] = [
    "John",
    "Mary",
    "Bashful",
    "Dopey",
    "Sleepy",
    "Grouchy",
    "Doc",
    "Sneazy",
    "Handsome",
    "Cassandra",
    "Pollyanna",
    "Pendragon",
    "Pandora",
    "Faith",
    "Hope",
    "Charity",
    "Lee",
    "Longsuffering",
    "Chastity",
    "Smith",
    "Pride",
    "Sloth",
    "Envy",
    "Anger",
    "Kasczynski",
];

/// RFC 3797 §6, "Fully Worked Example": the key string and every row of the
/// printed table (index, hex value of MD5, div, selected) for 16 selections
/// from a pool of 25, then the first ten names and the alternate.
#[test]
fn rfc_section_6_worked_example() {
    let sources = rfc_sources();
    assert_eq!(
        key_string(&sources).unwrap(),
        "9319./2.5.8.10.12./9.18.26.34.41.45./"
    );

    let table: [(usize, &str, usize, usize); 16] = [
        (1, "990DD0A5692A029A98B5E01AA28F3459", 25, 17),
        (2, "3691E55CB63FCC37914430B2F70B5EC6", 24, 7),
        (3, "FE814EDF564C190AC1D25753979990FA", 23, 2),
        (4, "1863CCACEB568C31D7DDBDF1D4E91387", 22, 16),
        (5, "F4AB33DF4889F0AF29C513905BE1D758", 21, 25),
        (6, "13EAEB529F61ACFB9A29D0BA3A60DE4A", 20, 23),
        (7, "992DB77C382CA2BDB9727001F3CDCCD9", 19, 8),
        (8, "63AB4258ECA922976811C7F55C383CE7", 18, 24),
        (9, "DFBC5AC97CED01B3A6E348E3CC63F40D", 17, 19),
        (10, "31CB111C4A4EBE9287CEAE16FE51B909", 16, 13),
        (11, "07FA46C122F164C215BBC72793B189A3", 15, 22),
        (12, "AC52F8D75CCBE2E61AFEB3387637D501", 14, 5),
        (13, "53306F73E14FC0B2FBF434218D25948E", 13, 18),
        (14, "B5D1403501A81F9A47318BE7893B347C", 12, 9),
        (15, "85B10B356AA06663EF1B1B407765100A", 11, 1),
        (16, "3269E6CE559ABD57E2BA6AAB495EB9BD", 10, 4),
    ];
    let picks = select(25, 16, &sources).unwrap();
    assert_eq!(picks.len(), table.len());
    for (pick, &(index, md5_hex, divisor, position)) in picks.iter().zip(&table) {
        let expected = Rfc3797Pick {
            index,
            md5_hex: md5_hex.to_owned(),
            divisor,
            position,
        };
        assert_eq!(pick, &expected, "row {index} of the RFC 3797 §6 table");
    }

    // "Resulting first ten selected, in order selected", then the next one.
    let chosen = select_items(&RFC_POOL, 11, &sources).unwrap();
    assert_eq!(
        chosen,
        [
            &"Lee",
            &"Doc",
            &"Mary",
            &"Charity",
            &"Kasczynski",
            &"Envy",
            &"Sneazy",
            &"Anger",
            &"Chastity",
            &"Pandora",
            &"Sloth",
        ]
    );
}

/// A shorter draw is a prefix of a longer one with the same sources.
#[test]
fn fewer_selections_give_a_prefix() {
    let all = select(25, 25, &rfc_sources()).unwrap();
    assert_eq!(select(25, 4, &rfc_sources()).unwrap(), all[..4]);
    let mut positions: Vec<usize> = all.iter().map(|pick| pick.position).collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=25).collect::<Vec<_>>());
    assert!(select(25, 0, &rfc_sources()).unwrap().is_empty());
}

#[test]
fn a_changed_source_value_changes_the_result() {
    let mut sources = rfc_sources();
    sources[0] = EntropySource::numbers([9318]);
    assert_eq!(
        key_string(&sources).unwrap(),
        "9318./2.5.8.10.12./9.18.26.34.41.45./"
    );
    let original = select(25, 10, &rfc_sources()).unwrap();
    let changed = select(25, 10, &sources).unwrap();
    assert_ne!(original[0].md5_hex, changed[0].md5_hex);
    let positions = |picks: &[Rfc3797Pick]| picks.iter().map(|p| p.position).collect::<Vec<_>>();
    assert_ne!(positions(&original), positions(&changed));

    // The order of the sources is part of the key, too.
    let mut swapped = rfc_sources();
    swapped.swap(1, 2);
    assert_ne!(
        key_string(&swapped).unwrap(),
        key_string(&rfc_sources()).unwrap()
    );
}

#[test]
fn numbers_are_canonicalised_in_ascending_order() {
    let shuffled = [
        EntropySource::numbers([9319]),
        EntropySource::numbers([10, 8, 12, 2, 5]),
        EntropySource::numbers([45, 41, 34, 26, 18, 9]),
    ];
    assert_eq!(key_string(&shuffled), key_string(&rfc_sources()));
    assert_eq!(select(25, 16, &shuffled), select(25, 16, &rfc_sources()));

    // Repeated values stay; zero has no leading-zero trouble.
    assert_eq!(
        EntropySource::numbers([3, 0, 3, 1]).canonical().as_deref(),
        Some("0.1.3.3./")
    );
    assert_eq!(
        EntropySource::numbers([u64::MAX]).canonical().as_deref(),
        Some("18446744073709551615./")
    );
}

#[test]
fn no_sources_is_refused() {
    assert_eq!(key_string(&[]), Err(Rfc3797Error::NoSources));
    assert_eq!(select(25, 1, &[]), Err(Rfc3797Error::NoSources));
    assert_eq!(
        select_items(&RFC_POOL, 1, &[]),
        Err(Rfc3797Error::NoSources)
    );
}

#[test]
fn a_source_without_value_is_refused() {
    let empty_numbers = [EntropySource::numbers([1]), EntropySource::numbers([])];
    assert_eq!(
        key_string(&empty_numbers),
        Err(Rfc3797Error::EmptySource { position: 2 })
    );
    assert_eq!(EntropySource::numbers([]).canonical(), None);
}

#[test]
fn more_selections_than_the_pool_are_refused() {
    let wanted = Rfc3797Error::CountExceedsPool {
        count: 26,
        pool_size: 25,
    };
    assert_eq!(select(25, 26, &rfc_sources()), Err(wanted.clone()));
    assert_eq!(select_items(&RFC_POOL, 26, &rfc_sources()), Err(wanted));
    assert_eq!(
        select(0, 1, &rfc_sources()),
        Err(Rfc3797Error::CountExceedsPool {
            count: 1,
            pool_size: 0
        })
    );
    assert_eq!(select(0, 0, &rfc_sources()), Ok(Vec::new()));
}

#[test]
fn a_pool_beyond_the_two_byte_limit_is_refused() {
    let wanted = Rfc3797Error::PoolTooLarge {
        pool_size: 65_536,
        max: MAX_POOL_SIZE,
    };
    assert_eq!(select(65_536, 1, &rfc_sources()), Err(wanted.clone()));
    assert_eq!(select(65_536, 65_536, &rfc_sources()), Err(wanted.clone()));
    let big_pool = vec![0_u8; 65_536];
    assert_eq!(select_items(&big_pool, 1, &rfc_sources()), Err(wanted));

    // The largest pool is accepted, and its first pick is row 1's hash
    // reduced modulo 65535.
    let first = select(MAX_POOL_SIZE, 1, &rfc_sources()).unwrap();
    let expected = u128::from_str_radix("990DD0A5692A029A98B5E01AA28F3459", 16).unwrap() % 65_535;
    assert_eq!(first[0].position, usize::try_from(expected).unwrap() + 1);
}

/// Past 256 selections the counter's high byte is used: the hash input is
/// `01 00 || key || 01 00` for selection 257.
#[test]
fn the_counter_is_two_big_endian_bytes() {
    let key = key_string(&rfc_sources()).unwrap();
    let mut input = vec![0x01, 0x00];
    input.extend_from_slice(key.as_bytes());
    input.extend_from_slice(&[0x01, 0x00]);
    let expected = crate::sampling::prf::hex(&Md5::digest(&input)).to_uppercase();
    let picks = select(300, 257, &rfc_sources()).unwrap();
    assert_eq!(picks[256].index, 257);
    assert_eq!(picks[256].md5_hex, expected);
    assert_eq!(picks[256].divisor, 300 - 256);
}

#[test]
fn error_messages_say_what_and_how_to_fix() {
    let messages = [
        Rfc3797Error::NoSources.to_string(),
        Rfc3797Error::EmptySource { position: 2 }.to_string(),
        Rfc3797Error::CountExceedsPool {
            count: 26,
            pool_size: 25,
        }
        .to_string(),
        Rfc3797Error::PoolTooLarge {
            pool_size: 70_000,
            max: MAX_POOL_SIZE,
        }
        .to_string(),
    ];
    assert!(messages[1].contains("source 2"), "{}", messages[1]);
    assert!(messages[2].contains("26") && messages[2].contains("at most 25"));
    assert!(messages[3].contains("70000") && messages[3].contains("65535"));
    for message in &messages {
        assert!(message.contains(';'), "no remedy in {message:?}");
    }
}
