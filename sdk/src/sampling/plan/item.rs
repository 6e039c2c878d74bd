//! A plan's supervision items: a bare code, or the object a catalog
//! resolves it to.

use serde::{Deserialize, Deserializer, Serialize};

use crate::catalog::InspectionCategory;
use crate::entity::{Domain, Industry};

/// A supervision item as fixed in a plan: its code, and what the catalog said
/// of it when the plan was fixed, so a record verifies without the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// Item code, e.g. `F-09`.
    pub code: String,
    /// The business line the item applies to, if any.
    pub industry: Option<Industry>,
    /// The plugin domain of an item tied to a domain but no line.
    pub domain: Option<Domain>,
    /// 一般 or 重点 (general or key) as the list gives it.
    pub category: Option<InspectionCategory>,
}

impl<'de> Deserialize<'de> for PlanItem {
    /// A bare code (`"F-09"`), resolved against the catalog later, or the
    /// full object. An object is read on its own so that a refusal names
    /// the item and the field at fault.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(
            deny_unknown_fields,
            expecting = "an item object {code, industry, domain, category}"
        )]
        struct Full {
            code: String,
            industry: Option<Industry>,
            domain: Option<Domain>,
            category: Option<InspectionCategory>,
        }
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "an item: a code text or an item object")]
        enum Raw {
            Code(String),
            Full(serde_json::Map<String, serde_json::Value>),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Code(code) => PlanItem {
                code,
                industry: None,
                domain: None,
                category: None,
            },
            Raw::Full(map) => {
                let code = map.get("code").and_then(|c| c.as_str()).map(str::to_owned);
                let f: Full =
                    serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| {
                        let e = e.to_string();
                        serde::de::Error::custom(match code {
                            Some(code) => format!("item {code:?}: {e}"),
                            None => format!("item: {e}"),
                        })
                    })?;
                PlanItem {
                    code: f.code,
                    industry: f.industry,
                    domain: f.domain,
                    category: f.category,
                }
            }
        })
    }
}
