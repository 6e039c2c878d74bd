//! Who supervises a business, and by when must a result be published?
//!
//! Generates one synthetic Pingdu food producer, looks up the items of its
//! industry in the default catalog, resolves who supervises each (Pingdu plan
//! §(一), §(二)), checks its credit profile, and computes a 20-working-day
//! publication deadline (SAMR Order 49 Art. 39).
//!
//! ```text
//! cargo run -p jianguan-examples --example who_supervises
//! ```

use jianguan::calendar::WorkCalendar;
use jianguan::catalog::{ApprovalFacts, InMemoryCatalog, ItemCatalog};
use jianguan::credit::{CreditLookup, CreditScheme, InMemoryCreditLookup};
use jianguan::entity::Industry;
use jianguan_synth::CountySpec;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spec = CountySpec::new(2021, 50_000)?;
    // The first operating food producer of the synthetic county.
    let row = spec
        .entities()
        .find(|r| {
            r.entity.industries.contains(&Industry::FoodProduction) && r.entity.status.is_active()
        })
        .expect("a county of 50,000 has food producers");
    let e = &row.entity;
    println!(
        "{} {} ({}, {})",
        e.uscc,
        e.name,
        e.township.as_deref().unwrap_or("-"),
        e.region
    );

    let credit =
        InMemoryCreditLookup::from_profiles(CreditScheme::national_2022(), [row.credit.clone()])?;
    let profile = credit.profile(&e.uscc)?.expect("just inserted");
    let class = credit.scheme().class(&profile.class)?;
    println!("credit class {} ({})", class.code, class.name_zh);

    let catalog = InMemoryCatalog::pingdu_default();
    let items = catalog.items_for_industry(Industry::FoodProduction)?;
    for item in &items {
        let r = catalog.resolve(&item.code, &ApprovalFacts::default())?;
        println!(
            "  {} {} -> lead {} ({} roles)",
            item.code,
            item.name,
            r.lead(),
            r.assignments.len()
        );
    }
    println!("{} items apply to food production", items.len());

    let inspected = "2026-09-25".parse().expect("a date");
    let due = WorkCalendar::china().add_working_days(inspected, 20)?;
    println!("inspected {inspected}: publish the result by {due}");
    Ok(())
}
