//! A county's joint double-random draw (双随机、一公开), verified by a
//! second party, and a tampered record caught.
//!
//! Generates a synthetic Pingdu county, fixes its target and inspector
//! rosters, draws the example joint plan (market regulation's food checks and
//! emergency management's work-safety checks) from published lottery
//! numbers, re-runs it as an auditor would, and shows that changing one
//! drawn entity in the record is detected (docs/draw-algorithm.md).
//!
//! ```text
//! cargo run -p jianguan-examples --example county_draw
//! ```

use jianguan::catalog::InMemoryCatalog;
use jianguan::sampling::{
    self, EntropyValue, InspectionHistory, Inspector, InspectorRoster, Plan, RosterEntry,
    TargetRoster,
};
use jianguan_synth::CountySpec;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spec = CountySpec::new(2021, 20_000)?;
    let roster = TargetRoster::new(spec.entities().map(|r| RosterEntry {
        uscc: r.entity.uscc,
        region: r.entity.region,
        industries: r.entity.industries.clone(),
        status: r.entity.status,
        credit_class: r.credit.class.clone(),
        registered_on: r.entity.registered_on,
        last_penalty_on: r.credit.last_penalty_on,
        weight: 1,
    }))?;
    let inspectors = InspectorRoster::new(spec.inspectors().into_iter().map(|i| {
        Inspector {
            id: i.id,
            name: i.name,
            department: i.department,
            team: i.team,
            qualifications: i
                .qualifications
                .iter()
                .map(|q| q.id().to_string())
                .collect(),
            status: i.status,
            workload_cap: None,
            conflicts: i.conflicts,
        }
    }))?;
    let history = InspectionHistory::default();

    // The plan names its items by code; the catalog fixes what they are.
    let mut plan: Plan = serde_json::from_str(include_str!("../../plans/pingdu-joint-2026.json"))?;
    plan.resolve(Some(&InMemoryCatalog::pingdu_default()))?;
    let entropy: Vec<EntropyValue> =
        serde_json::from_str(include_str!("../../plans/entropy-pingdu-joint-2026.json"))?;

    let record = sampling::draw(&plan, &roster, &history, &inspectors, &entropy)?;
    println!("plan {} drawn with seed {}", record.plan.id, record.seed);
    for (task, outcome) in record.plan.tasks.iter().zip(&record.tasks) {
        let drawn: usize = outcome.strata.iter().map(|s| s.selected.len()).sum();
        println!(
            "  {}: {drawn} of {} drawn, {} excluded with reasons",
            task.department,
            outcome.population,
            outcome.excluded.len()
        );
    }
    let joint = record
        .visits
        .iter()
        .filter(|v| v.departments.len() > 1)
        .count();
    println!(
        "{} visits ({joint} joint), record {}",
        record.visits.len(),
        record.digest()
    );

    // An auditor holding the published record and rosters re-runs it.
    let published = record.to_canonical_json();
    let received: sampling::DrawRecord = serde_json::from_str(&published)?;
    sampling::verify(&received, &roster, &history, &inspectors)?;
    println!("verified: the record is the draw these rosters give");

    // Someone swaps a drawn entity for another: verification names the field.
    let mut forged = received;
    let swapped = forged.tasks[0]
        .strata
        .iter_mut()
        .find(|s| !s.selected.is_empty())
        .expect("the plan draws someone");
    swapped.selected[0] = roster.entries().next().expect("a county").uscc;
    match sampling::verify(&forged, &roster, &history, &inspectors) {
        Err(e) => println!("forged record refused: {e}"),
        Ok(()) => return Err("a forged record verified".into()),
    }
    Ok(())
}
