//! Check unified social credit codes given on the command line (or a few
//! published ones) and print what each one says about its holder.
//!
//! ```text
//! cargo run -p jianguan-examples --example check_codes -- 914403001922038216
//! ```

use jianguan::entity::{EntityKind, Uscc};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let codes = if args.is_empty() {
        // Published codes (RULES.md §11.3) and one with a wrong check character.
        vec![
            "914403001922038216".to_owned(),
            "91100000100003962T".to_owned(),
            "914403001922038217".to_owned(),
        ]
    } else {
        args
    };
    let mut invalid = 0;
    for code in &codes {
        match Uscc::parse(code) {
            Ok(u) => println!(
                "{u}: {:?}, registered in {} ({}), organisation code {}",
                EntityKind::from_uscc(&u),
                u.region(),
                u.region().province_name().unwrap_or("unknown province"),
                u.organisation_code()
            ),
            Err(e) => {
                invalid += 1;
                println!("{code}: rejected: {e}");
            }
        }
    }
    println!("{} valid, {invalid} rejected", codes.len() - invalid);
}
