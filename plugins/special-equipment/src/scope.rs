//! Is this equipment special equipment? 特种设备安全法 Art. 2 names eight
//! categories; 特种设备安全监察条例 (2009) Art. 99 sets the thresholds
//! encoded here ("以上" includes the figure). The 2014 特种设备目录
//! (原质检总局2014年第114号) refines them and controls where it differs; its
//! differences are UNCONFIRMED in RULES §9.1 and not encoded. Medium
//! conditions (gas, liquefied gas, liquids above their boiling point) are
//! not checked: the facts cover pressure and size only.

use jianguan_plugin::{FactTable, Facts, PluginError};

/// Category codes (`category` fact).
pub const CATEGORIES: &[&str] = &[
    "boiler",
    "pressure_vessel",
    "gas_cylinder",
    "pressure_piping",
    "elevator",
    "lifting",
    "ropeway",
    "amusement_ride",
    "site_vehicle",
];

/// Kind codes (`kind` fact), by category.
pub const KINDS: &[(&str, &[&str])] = &[
    ("boiler", &["steam", "hot_water", "organic_heat_carrier"]),
    ("pressure_vessel", &["vessel", "hyperbaric_chamber"]),
    (
        "gas_cylinder",
        &["corrosive_gas", "general_gas", "inert_gas"],
    ),
    ("lifting", &["hoist", "crane", "bridge_gantry_crane"]),
];

/// Every kind code.
pub fn all_kinds() -> Vec<&'static str> {
    KINDS
        .iter()
        .flat_map(|(_, kinds)| kinds.iter().copied())
        .collect()
}

/// The scope measurements of a table.
#[derive(Debug)]
pub struct Measures<'a> {
    pressure: Facts<'a, f64>,
    volume: Facts<'a, f64>,
    power: Facts<'a, f64>,
    diameter: Facts<'a, f64>,
    load: Facts<'a, f64>,
    lift: Facts<'a, f64>,
    speed: Facts<'a, f64>,
    height: Facts<'a, f64>,
}

impl<'a> Measures<'a> {
    /// Reads the columns.
    ///
    /// # Errors
    /// A column of the wrong kind.
    pub fn read(facts: &'a FactTable) -> Result<Self, PluginError> {
        Ok(Self {
            pressure: facts.numbers("pressure_mpa")?,
            volume: facts.numbers("volume_l")?,
            power: facts.numbers("power_mw")?,
            diameter: facts.numbers("diameter_mm")?,
            load: facts.numbers("rated_load_t")?,
            lift: facts.numbers("lift_height_m")?,
            speed: facts.numbers("speed_m_s")?,
            height: facts.numbers("height_m")?,
        })
    }
}

/// Validates `kind` for `category` in `row`.
///
/// # Errors
/// `InvalidFacts` for an unknown category, a kind the category needs but
/// lacks, or a kind of another category.
pub fn check_kind<'k>(
    row: usize,
    category: &str,
    kind: Option<&'k str>,
) -> Result<Option<&'k str>, PluginError> {
    if !CATEGORIES.contains(&category) {
        return Err(PluginError::invalid_facts(format!(
            "row {row}: fact `category` is `{category}`, not one of {}",
            CATEGORIES.join(", ")
        )));
    }
    let allowed = KINDS.iter().find(|(c, _)| *c == category).map(|(_, k)| *k);
    match (allowed, kind) {
        (Some(allowed), Some(k)) if allowed.contains(&k) => Ok(Some(k)),
        (Some(allowed), _) => Err(PluginError::invalid_facts(format!(
            "row {row}: fact `kind` must be one of {} for a `{category}`",
            allowed.join(", ")
        ))),
        (None, Some(k)) => Err(PluginError::invalid_facts(format!(
            "row {row}: fact `kind` `{k}` does not apply to a `{category}`"
        ))),
        (None, None) => Ok(None),
    }
}

/// Whether the equipment of `row` is in scope, with the comparison made.
///
/// # Errors
/// `InvalidFacts` naming the measurement the category needs.
pub fn in_scope(
    row: usize,
    category: &str,
    kind: Option<&str>,
    m: &Measures<'_>,
) -> Result<(bool, String), PluginError> {
    let need = |facts: &Facts<'_, f64>, name: &str| -> Result<f64, PluginError> {
        let v = *facts.required(row, name)?;
        if !v.is_finite() || v < 0.0 {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `{name}` is {v}, below 0"
            )));
        }
        Ok(v)
    };
    let cmp = |v: f64, t: f64, what: &str, unit: &str| {
        let ok = v >= t;
        (
            ok,
            format!(
                "{what} {} {unit} {} {} {unit}",
                num(v),
                if ok { "≥" } else { "<" },
                num(t)
            ),
        )
    };
    let both = |a: (bool, String), b: (bool, String)| (a.0 && b.0, format!("{}，{}", a.1, b.1));
    let (ok, detail) = match (category, kind) {
        ("boiler", Some("steam")) => {
            cmp(need(&m.volume, "volume_l")?, 30.0, "承压蒸汽锅炉容积", "L")
        }
        ("boiler", Some("hot_water")) => both(
            cmp(
                need(&m.pressure, "pressure_mpa")?,
                0.1,
                "热水锅炉出口水压",
                "MPa",
            ),
            cmp(need(&m.power, "power_mw")?, 0.1, "额定功率", "MW"),
        ),
        ("boiler", _) => (true, "有机热载体锅炉".to_string()),
        ("pressure_vessel", Some("hyperbaric_chamber")) => (true, "氧舱".to_string()),
        ("pressure_vessel", _) => {
            let p = need(&m.pressure, "pressure_mpa")?;
            let v = need(&m.volume, "volume_l")?;
            both(
                cmp(p, 0.1, "最高工作压力", "MPa"),
                cmp(p * v, 2.5, "压力与容积的乘积", "MPa·L"),
            )
        }
        ("gas_cylinder", _) => {
            let p = need(&m.pressure, "pressure_mpa")?;
            let v = need(&m.volume, "volume_l")?;
            both(
                cmp(p, 0.2, "公称工作压力", "MPa"),
                cmp(p * v, 1.0, "压力与容积的乘积", "MPa·L"),
            )
        }
        ("pressure_piping", _) => {
            let d = need(&m.diameter, "diameter_mm")?;
            let size = (
                d > 25.0,
                format!(
                    "公称直径 {} mm {} 25 mm",
                    num(d),
                    if d > 25.0 { ">" } else { "≤" }
                ),
            );
            both(
                cmp(
                    need(&m.pressure, "pressure_mpa")?,
                    0.1,
                    "最高工作压力",
                    "MPa",
                ),
                size,
            )
        }
        ("lifting", Some("hoist")) => {
            cmp(need(&m.load, "rated_load_t")?, 0.5, "升降机额定起重量", "t")
        }
        ("lifting", _) => both(
            cmp(need(&m.load, "rated_load_t")?, 1.0, "起重机额定起重量", "t"),
            cmp(need(&m.lift, "lift_height_m")?, 2.0, "提升高度", "m"),
        ),
        ("amusement_ride", _) => {
            // Either figure suffices: one that qualifies decides even when
            // the other is missing; with neither given, both are needed.
            let measure = |facts: &Facts<'_, f64>, name: &str, what: &str, unit: &str| {
                facts
                    .get(row)
                    .map(|_| need(facts, name).map(|v| cmp(v, 2.0, what, unit)))
                    .transpose()
            };
            let speed = measure(&m.speed, "speed_m_s", "最大运行线速度", "m/s")?;
            let height = measure(&m.height, "height_m", "运行高度", "m")?;
            match (speed, height) {
                (Some(s), Some(h)) => (s.0 || h.0, format!("{}，{}（任一达到即属）", s.1, h.1)),
                (Some(one), None) | (None, Some(one)) if one.0 => {
                    (true, format!("{}（任一达到即属）", one.1))
                }
                (Some(_), None) => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `height_m` is missing: the speed is below 2 m/s, so the height decides"
                    )));
                }
                (None, Some(_)) => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `speed_m_s` is missing: the height is below 2 m, so the speed decides"
                    )));
                }
                (None, None) => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: facts `speed_m_s` and `height_m` are missing: a large amusement ride needs at least one"
                    )));
                }
            }
        }
        ("elevator", _) => (true, "电梯（含自动扶梯、自动人行道）".to_string()),
        ("ropeway", _) => (true, "客运索道".to_string()),
        _ => (true, "场（厂）内专用机动车辆".to_string()),
    };
    Ok((ok, detail))
}

/// Figures in details are written one way in every plugin.
pub use jianguan_plugin_rules::figure as num;
