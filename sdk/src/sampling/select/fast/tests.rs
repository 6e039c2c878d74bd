use std::sync::atomic::Ordering;

use super::*;
use crate::entity::{EntityStatus, Industry, RegionCode};
use crate::fixtures::uniform_roster;
use crate::sampling::RosterEntry;
use crate::sampling::prf::derive_key;

/// 300,000 entities (several slices, buffers past their first trim),
/// half of them penalised in 2025, with ratio and count strata, a
/// zero count, and penalty factor `factor`.
fn setup(factor: &str) -> (Plan, TargetRoster) {
    let mut plan: Plan = serde_json::from_str(&format!(
        r#"{{"id": "SCALE", "title": "three paths", "level": "county",
            "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
            "tasks": [{{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
              "direction": "undirected",
              "strata": [{{"class": "A", "size": {{"count": 0}}}}, {{"class": "B", "size": {{"ratio": "0.03"}}}},
                         {{"class": "C", "size": {{"count": 3000}}}}, {{"class": "D", "size": {{"ratio": "0.3"}}}}],
              "rules": {{"draw_undisturbed": true, "penalty_free": {{"years": 3, "factor": "{factor}"}},
                         "repeat_window_months": null, "yearly_cap": null}}}}]}}"#
    ))
    .unwrap();
    plan.resolve(None).unwrap();
    let entries: Vec<RosterEntry> = uniform_roster(300_000)
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            if i % 2 == 0 {
                e.last_penalty_on = "2025-06-01".parse().ok();
            }
            e
        })
        .collect();
    (plan, TargetRoster::new(entries).unwrap())
}

/// The targets PRF under a test seed of bytes `b`.
fn prf_of(b: u8) -> Prf {
    Prf::new(&derive_key(&[b; 32], "targets", 0))
}

/// The general scan's selection (TaskScan::select_range), slice by
/// slice and merged: what the fast scans must reproduce.
fn general_selection(
    scan: &TaskScan<'_>,
    roster: &TargetRoster,
    classes: &[Result<usize, ExclusionRule>],
    takes: &[u64],
) -> PartialSelection {
    in_slices(roster.len(), |r| {
        scan.select_range(roster, classes, r, takes)
    })
    .into_iter()
    .reduce(|mut a, b| {
        a.merge(b, takes);
        a
    })
    .expect("at least one slice")
}

fn sorted(mut sel: PartialSelection) -> Vec<Vec<Uscc>> {
    sel.sort();
    sel.winners
        .iter()
        .map(|w| w.iter().map(|c| c.uscc).collect())
        .collect()
}

#[test]
fn fused_plain_and_general_scans_agree_at_scale() {
    for factor in ["0", "0.5"] {
        let (plan, roster) = setup(factor);
        let history = InspectionHistory::default();
        let scan = TaskScan::new(&plan, 0, &history, prf_of(7));
        let (counts, tk, fused) = scan.count_and_select(0, &roster).unwrap();
        assert!(!scan.fell_back.load(Ordering::Relaxed));
        assert_eq!(counts, scan.count(&roster).unwrap());
        assert_eq!(tk, takes(&plan.tasks[0], 0, &counts).unwrap());
        // B normal 3%, C 3000 shared (trimmed per slice), D normal 30%;
        // reduced parts at the factor.
        assert_eq!(tk[0] + tk[1], 0);
        assert_eq!(tk[4] + tk[5], 3000);
        assert!(tk[2] > 2000 && tk[6] > 3000, "{tk:?}");
        let classes = scan.class_map(&roster).unwrap();
        let plain = scan.select_plain(&roster, &classes, &tk);
        let general = general_selection(&scan, &roster, &classes, &tk);
        let expected = sorted(general);
        assert_eq!(sorted(fused), expected, "factor {factor}: fused");
        assert_eq!(sorted(plain), expected, "factor {factor}: plain");

        // Bounds far too tight: the fused scan notices and falls back.
        let mut tight = TaskScan::new(&plan, 0, &history, prf_of(7));
        tight.sigmas = -50.0;
        let (_, _, redone) = tight.count_and_select(0, &roster).unwrap();
        assert!(tight.fell_back.load(Ordering::Relaxed), "factor {factor}");
        assert_eq!(sorted(redone), expected, "factor {factor}: fallback");
    }
}

/// Every filter the fast scans apply column by column (status, region,
/// industry), an undisturbed class excluded, penalties down-weighted:
/// the fast scans give the pools, exclusions, reduced entities and
/// winners that the row-by-row `fate` and the general scan give.
#[test]
fn fast_and_general_scans_agree_under_every_filter() {
    let mut plan: Plan = serde_json::from_str(
        r#"{"id": "FILTERS", "title": "filters", "level": "county",
            "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
            "tasks": [{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
              "direction": "directed",
              "filter": {"industries": ["food_sales", "catering"], "regions": ["370283"],
                         "statuses": ["operating", "closed"]},
              "strata": [{"class": "B", "size": {"ratio": "0.03"}},
                         {"class": "C", "size": {"count": 500}}, {"class": "D", "size": {"ratio": "0.3"}}],
              "rules": {"undisturbed_classes": ["A"], "draw_undisturbed": false,
                        "penalty_free": {"years": 3, "factor": "0.5"},
                        "repeat_window_months": null, "yearly_cap": null}}]}"#,
    )
    .unwrap();
    plan.resolve(None).unwrap();
    let other = RegionCode::parse("370281").unwrap();
    let entries: Vec<RosterEntry> = uniform_roster(200_000)
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            if i % 3 == 0 {
                e.region = other;
            }
            e.industries = match i % 5 {
                0 => vec![],
                1 => vec![Industry::Catering],
                _ => vec![Industry::FoodSales],
            };
            e.status = match i % 13 {
                0 => EntityStatus::Closed,
                1 => EntityStatus::Revoked,
                _ => EntityStatus::Operating,
            };
            if i % 2 == 0 {
                e.last_penalty_on = "2025-06-01".parse().ok();
            }
            e
        })
        .collect();
    let roster = TargetRoster::new(entries).unwrap();
    let history = InspectionHistory::default();
    let scan = TaskScan::new(&plan, 0, &history, prf_of(9));
    let (counts, tk, fused) = scan.count_and_select(0, &roster).unwrap();
    assert!(!scan.fell_back.load(Ordering::Relaxed));
    // The row-by-row count (TaskScan::fate) agrees, and so the filters do.
    assert_eq!(counts, scan.count(&roster).unwrap());
    // 200,000 entities: a third elsewhere, a fifth in no listed line,
    // 1 in 13 revoked; what is left is about 200,000 × 2/3 × 4/5 × 12/13.
    assert!((95_000..102_000).contains(&counts.population), "{counts:?}");
    let classes = scan.class_map(&roster).unwrap();
    let general = general_selection(&scan, &roster, &classes, &tk);
    let plain = scan.select_plain(&roster, &classes, &tk);
    let facts = |sel: &PartialSelection| {
        let mut ex: Vec<_> = sel
            .exclusions
            .iter()
            .map(|e| (e.uscc, e.rule, e.detail.clone()))
            .collect();
        let mut red = sel.reduced.clone();
        ex.sort();
        red.sort();
        (ex, red)
    };
    let (ex, red) = facts(&general);
    // Class A (30% of entities) is excluded as undisturbed, not pooled.
    assert!(ex.len() > 25_000, "{}", ex.len());
    assert!(
        ex.iter()
            .all(|e| e.1 == ExclusionRule::UndisturbedClass && e.2 == "credit class A")
    );
    assert_eq!(
        ex.len() as u64,
        counts.population - counts.pools.iter().sum::<u64>()
    );
    assert_eq!(
        red.len() as u64,
        counts.pools.iter().skip(1).step_by(2).sum::<u64>()
    );
    assert_eq!(facts(&fused), (ex.clone(), red.clone()), "fused");
    assert_eq!(facts(&plain), (ex, red), "plain");
    let expected = sorted(general);
    assert_eq!(sorted(fused), expected, "fused winners");
    assert_eq!(sorted(plain), expected, "plain winners");
}

/// A task of 130 strata has 260 stratum parts, more than a byte can tag:
/// it takes the general scan, with the same result.
#[test]
fn a_task_of_many_strata_takes_the_general_scan() {
    let classes: Vec<String> = (0..130).map(|k| format!("K{k:03}")).collect();
    let strata: Vec<String> = classes
        .iter()
        .map(|c| format!(r#"{{"class": "{c}", "size": {{"count": 2}}}}"#))
        .collect();
    let mut plan: Plan = serde_json::from_str(&format!(
        r#"{{"id": "MANY", "title": "many strata", "level": "county",
            "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
            "classes": {},
            "tasks": [{{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
              "direction": "undirected", "strata": [{}],
              "rules": {{"undisturbed_classes": [], "draw_undisturbed": false,
                        "penalty_free": null, "repeat_window_months": null, "yearly_cap": null}}}}]}}"#,
        serde_json::to_string(&classes).unwrap(),
        strata.join(", ")
    ))
    .unwrap();
    plan.resolve(None).unwrap();
    let entries: Vec<RosterEntry> = uniform_roster(13_000)
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            e.credit_class = classes[i % 130].clone();
            e
        })
        .collect();
    let roster = TargetRoster::new(entries).unwrap();
    let history = InspectionHistory::default();
    let scan = TaskScan::new(&plan, 0, &history, prf_of(3));
    assert!(!scan.plain());
    let (counts, tk, sel) = scan.count_and_select(0, &roster).unwrap();
    // 100 entities in each class, 2 drawn from each.
    assert_eq!(counts.pools.len(), 260);
    assert!(counts.pools.iter().step_by(2).all(|&n| n == 100));
    assert_eq!(tk.iter().sum::<u64>(), 260);
    let classes_of = scan.class_map(&roster).unwrap();
    let general = scan.select_range(&roster, &classes_of, 0..roster.len(), &tk);
    assert_eq!(sorted(sel), sorted(general));
}
