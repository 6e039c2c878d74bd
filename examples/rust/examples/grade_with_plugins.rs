//! What a county system does with the industry plugins: load the plugins
//! folder, grade three food businesses, and assess one case for referral to
//! public security.
//!
//! ```sh
//! cargo build --workspace            # builds the plugin libraries
//! cargo run -p jianguan-examples --example grade_with_plugins -- PLUGINS_DIR
//! ```

use jianguan::plugin_host::{
    Operation, PluginConfigs, PluginHost, ReferralDecision, facts_from_json_rows,
};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: grade_with_plugins PLUGINS_DIR")?;
    let mut host = PluginHost::new();
    let report = host.load_dir(dir.as_ref(), &PluginConfigs::new())?;
    for failure in &report.failures {
        eprintln!("refused: {}", failure.summary());
    }
    println!("loaded: {}", report.loaded.join(", "));

    // Static (0–40) and dynamic (0–60) risk-factor scores, as a food
    // inspector records them (CFDA 2016 scheme; levels under SAMR Order 49).
    let food = host.plugin("food")?;
    let rows = [
        json!({"business_type": "seller", "static_score": 12, "dynamic_score": 15}),
        json!({"business_type": "caterer", "static_score": 20, "dynamic_score": 30}),
        json!({"business_type": "central_kitchen", "static_score": 35, "dynamic_score": 40}),
    ];
    let facts = facts_from_json_rows(&rows, food.schema(Operation::Grading))?;
    let grades = food.grade(&facts)?;
    for row in 0..grades.len() {
        println!(
            "business {row}: grade {} (score {})",
            grades.label(row),
            grades.score(row)
        );
        for reason in grades.reasons(row) {
            println!("    {} — {}", reason.detail, reason.citation);
        }
    }

    // Substandard food sold for 60,000 CNY: Criminal Law Art. 140 via
    // Art. 149 (sales of 50,000 or more).
    let case = [json!({"sales_cny": 60000, "substandard_food": true})];
    let facts = facts_from_json_rows(&case, food.schema(Operation::Referral))?;
    let assessment = &food.assess_referral(&facts)?[0];
    let verdict = match assessment.decision {
        ReferralDecision::Refer => "refer to public security",
        ReferralDecision::NeedsTesting => "test or appraise first",
        ReferralDecision::DoNotRefer => "handle administratively",
    };
    println!("case: {verdict}");
    for (decision, reason) in &assessment.findings {
        println!("    {decision:?}: {} — {}", reason.detail, reason.citation);
    }
    Ok(())
}
