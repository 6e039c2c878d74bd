//! GB 18218-2018 Tables 1–6 as RULES.md §10.1 gives them.
//!
//! Quantities are held as whole grams (Table 1's smallest critical quantity
//! is 0.3 t) and β as whole halves, so that S and R are computed exactly
//! over the common denominator [`DENOMINATOR_G`] (see [`crate::grading`]).

/// A Table-1 row: a named chemical with its critical quantity.
#[derive(Debug, Clone, Copy)]
pub struct NamedChemical {
    /// Row number in Table 1 (37–42 are the nitrocellulose forms).
    pub row: u16,
    /// Name (别名).
    pub name: &'static str,
    /// CAS numbers; empty for rows without one.
    pub cas: &'static [&'static str],
    /// Critical quantity Q in kilograms.
    pub q_kg: u64,
    /// Why the row is weaker, if it is (RULES §10.1).
    pub note: Option<&'static str>,
}

const ONE_SOURCE: Option<&str> = Some("该行仅见于一个来源，发布前须核对标准原文");

macro_rules! t1 {
    ($row:expr, $name:expr, [$($cas:expr),*], $q:expr) => {
        NamedChemical { row: $row, name: $name, cas: &[$($cas),*], q_kg: $q, note: None }
    };
    ($row:expr, $name:expr, [$($cas:expr),*], $q:expr, $note:expr) => {
        NamedChemical { row: $row, name: $name, cas: &[$($cas),*], q_kg: $q, note: $note }
    };
}

/// Table 1: 85 rows (name, CAS, Q).
pub const TABLE_1: &[NamedChemical] = &[
    t1!(1, "氨", ["7664-41-7"], 10_000),
    t1!(2, "二氟化氧", ["7783-41-7"], 1_000),
    t1!(3, "二氧化氮", ["10102-44-0"], 1_000),
    t1!(4, "二氧化硫", ["7446-09-5"], 20_000),
    t1!(5, "氟", ["7782-41-4"], 1_000),
    t1!(6, "碳酰氯", ["75-44-5"], 300),
    t1!(7, "环氧乙烷", ["75-21-8"], 10_000),
    t1!(8, "甲醛（含量>90%）", ["50-00-0"], 5_000),
    t1!(9, "磷化氢", ["7803-51-2"], 1_000),
    t1!(10, "硫化氢", ["7783-06-4"], 5_000),
    t1!(11, "氯化氢（无水）", ["7647-01-0"], 20_000),
    t1!(12, "氯", ["7782-50-5"], 5_000),
    t1!(
        13,
        "煤气（CO，CO和H2、CH4的混合物等）",
        [],
        20_000,
        ONE_SOURCE
    ),
    t1!(14, "砷化氢", ["7784-42-1"], 1_000),
    t1!(15, "锑化氢", ["7803-52-3"], 1_000),
    t1!(16, "硒化氢", ["7783-07-5"], 1_000),
    t1!(17, "溴甲烷", ["74-83-9"], 10_000),
    t1!(18, "丙酮氰醇", ["75-86-5"], 20_000),
    t1!(19, "丙烯醛", ["107-02-8"], 20_000),
    t1!(20, "氟化氢", ["7664-39-3"], 1_000),
    t1!(21, "1-氯-2,3-环氧丙烷", ["106-89-8"], 20_000),
    t1!(22, "3-溴-1,2-环氧丙烷", ["3132-64-7"], 20_000),
    t1!(23, "甲苯二异氰酸酯", ["26471-62-5"], 100_000),
    t1!(24, "一氯化硫", ["10025-67-9"], 1_000),
    t1!(25, "氰化氢", ["74-90-8"], 1_000),
    t1!(26, "三氧化硫", ["7446-11-9"], 75_000),
    t1!(27, "3-氨基丙烯", ["107-11-9"], 20_000),
    t1!(28, "溴", ["7726-95-6"], 20_000),
    t1!(29, "乙撑亚胺", ["151-56-4"], 20_000),
    t1!(30, "异氰酸甲酯", ["624-83-9"], 750),
    t1!(
        31,
        "叠氮化钡",
        ["18810-58-7"],
        500,
        Some("CAS 号各来源不一（UNCONFIRMED）")
    ),
    t1!(32, "叠氮化铅", ["13424-46-9"], 500),
    t1!(33, "雷汞", ["628-86-4"], 500),
    t1!(34, "三硝基苯甲醚", ["28653-16-9"], 5_000),
    t1!(35, "2,4,6-三硝基甲苯", ["118-96-7"], 5_000),
    t1!(36, "硝化甘油", ["55-63-0"], 1_000),
    t1!(
        37,
        "硝化纤维素（表1第37行所列形态）",
        ["9004-70-0"],
        1_000,
        ONE_SOURCE
    ),
    t1!(
        38,
        "硝化纤维素（表1第38行所列形态）",
        ["9004-70-0"],
        1_000,
        ONE_SOURCE
    ),
    t1!(39, "硝化纤维素（表1第39行所列形态）", ["9004-70-0"], 10_000),
    t1!(
        40,
        "硝化纤维素（表1第40行所列形态）",
        ["9004-70-0"],
        50_000,
        ONE_SOURCE
    ),
    t1!(
        41,
        "硝化纤维素（表1第41行所列形态）",
        ["9004-70-0"],
        50_000,
        ONE_SOURCE
    ),
    t1!(
        42,
        "硝化纤维素（表1第42行所列形态）",
        ["9004-70-0"],
        50_000,
        ONE_SOURCE
    ),
    t1!(43, "硝酸铵（含可燃物>0.2%）", ["6484-52-2"], 5_000),
    t1!(
        44,
        "硝酸铵（含可燃物≤0.2%）",
        ["6484-52-2"],
        50_000,
        ONE_SOURCE
    ),
    t1!(45, "硝酸铵肥料（含可燃物≤0.4%）", [], 200_000, ONE_SOURCE),
    t1!(46, "硝酸钾", ["7757-79-1"], 1_000_000),
    t1!(47, "1,3-丁二烯", ["106-99-0"], 5_000),
    t1!(48, "二甲醚", ["115-10-6"], 50_000),
    t1!(49, "甲烷，天然气", ["74-82-8", "8006-14-2"], 50_000),
    t1!(50, "氯乙烯", ["75-01-4"], 50_000),
    t1!(51, "氢", ["1333-74-0"], 5_000),
    t1!(
        52,
        "液化石油气（含丙烷、丁烷及其混合物）",
        ["68476-85-7", "74-98-6", "106-97-8"],
        50_000
    ),
    t1!(53, "一甲胺", ["74-89-5"], 5_000),
    t1!(54, "乙炔", ["74-86-2"], 1_000),
    t1!(55, "乙烯", ["74-85-1"], 50_000),
    t1!(56, "氧（压缩的或液化的）", ["7782-44-7"], 200_000),
    t1!(57, "苯", ["71-43-2"], 50_000),
    t1!(58, "苯乙烯", ["100-42-5"], 500_000),
    t1!(59, "丙酮", ["67-64-1"], 500_000),
    t1!(60, "2-丙烯腈", ["107-13-1"], 50_000),
    t1!(61, "二硫化碳", ["75-15-0"], 50_000),
    t1!(62, "环己烷", ["110-82-7"], 500_000),
    t1!(63, "1,2-环氧丙烷", ["75-56-9"], 10_000),
    t1!(64, "甲苯", ["108-88-3"], 500_000),
    t1!(65, "甲醇", ["67-56-1"], 500_000),
    t1!(66, "汽油（乙醇汽油、甲醇汽油）", ["86290-81-5"], 200_000),
    t1!(67, "乙醇", ["64-17-5"], 500_000),
    t1!(68, "乙醚", ["60-29-7"], 10_000),
    t1!(69, "乙酸乙酯", ["141-78-6"], 500_000),
    t1!(70, "正己烷", ["110-54-3"], 500_000),
    t1!(71, "过乙酸", ["79-21-0"], 10_000),
    t1!(
        72,
        "过氧化甲基乙基酮（10%<有效氧≤10.7%，含A型稀释剂≥48%）",
        ["1338-23-4"],
        10_000
    ),
    t1!(73, "白磷", ["12185-10-3"], 50_000),
    t1!(74, "烷基铝", [], 1_000, ONE_SOURCE),
    t1!(75, "戊硼烷", ["19624-22-7"], 1_000),
    t1!(76, "过氧化钾", ["17014-71-0"], 20_000),
    t1!(77, "过氧化钠", ["1313-60-6"], 20_000),
    t1!(78, "氯酸钾", ["3811-04-9"], 100_000),
    t1!(79, "氯酸钠", ["7775-09-9"], 100_000),
    t1!(80, "发烟硝酸", ["52583-42-3"], 20_000),
    t1!(
        81,
        "硝酸（发红烟的除外，含硝酸>70%）",
        ["7697-37-2"],
        100_000
    ),
    t1!(82, "硝酸胍", ["506-93-4"], 50_000),
    t1!(83, "碳化钙（电石）", ["75-20-7"], 100_000),
    t1!(84, "钾", ["7440-09-7"], 1_000),
    t1!(85, "钠", ["7440-23-5"], 10_000),
];

/// A Table-3 toxic gas with its β.
#[derive(Debug, Clone, Copy)]
pub struct ToxicGas {
    /// Name.
    pub name: &'static str,
    /// CAS number.
    pub cas: &'static str,
    /// β in halves (β = 2 → 4).
    pub beta2: u32,
}

/// Table 3: β for toxic gases.
pub const TABLE_3: &[ToxicGas] = &[
    ToxicGas {
        name: "一氧化碳",
        cas: "630-08-0",
        beta2: 4,
    },
    ToxicGas {
        name: "二氧化硫",
        cas: "7446-09-5",
        beta2: 4,
    },
    ToxicGas {
        name: "氨",
        cas: "7664-41-7",
        beta2: 4,
    },
    ToxicGas {
        name: "环氧乙烷",
        cas: "75-21-8",
        beta2: 4,
    },
    ToxicGas {
        name: "氯化氢",
        cas: "7647-01-0",
        beta2: 6,
    },
    ToxicGas {
        name: "溴甲烷",
        cas: "74-83-9",
        beta2: 6,
    },
    ToxicGas {
        name: "氯",
        cas: "7782-50-5",
        beta2: 8,
    },
    ToxicGas {
        name: "硫化氢",
        cas: "7783-06-4",
        beta2: 10,
    },
    ToxicGas {
        name: "氟化氢",
        cas: "7664-39-3",
        beta2: 10,
    },
    ToxicGas {
        name: "二氧化氮",
        cas: "10102-44-0",
        beta2: 20,
    },
    ToxicGas {
        name: "氰化氢",
        cas: "74-90-8",
        beta2: 20,
    },
    ToxicGas {
        name: "碳酰氯",
        cas: "75-44-5",
        beta2: 40,
    },
    ToxicGas {
        name: "磷化氢",
        cas: "7803-51-2",
        beta2: 40,
    },
    ToxicGas {
        name: "异氰酸甲酯",
        cas: "624-83-9",
        beta2: 40,
    },
];

/// A hazard category of Tables 2 and 4.
#[derive(Debug, Clone, Copy)]
pub struct Category {
    /// Symbol, e.g. `W5.3`.
    pub symbol: &'static str,
    /// Class, as Table 2 describes it.
    pub class: &'static str,
    /// Critical quantity Q in kilograms (Table 2).
    pub q_kg: u64,
    /// β in halves (Table 4).
    pub beta2: u32,
}

macro_rules! cat {
    ($s:expr, $class:expr, $q_t:expr, $beta2:expr) => {
        Category {
            symbol: $s,
            class: $class,
            q_kg: $q_t * 1000,
            beta2: $beta2,
        }
    };
}

/// Tables 2 (Q) and 4 (β) by category symbol.
pub const CATEGORIES: &[Category] = &[
    cat!("J1", "急性毒性类别1，气体", 5, 8),
    cat!("J2", "急性毒性类别1，固体或液体", 50, 2),
    cat!("J3", "急性毒性类别2、3，气体", 50, 4),
    cat!("J4", "急性毒性类别2、3，吸入，沸点≤35 ℃的液体", 50, 4),
    cat!("J5", "急性毒性类别2，液体（J4以外）或固体", 500, 2),
    cat!("W1.1", "不稳定爆炸物，1.1项爆炸物", 1, 4),
    cat!("W1.2", "1.2、1.3、1.5、1.6项爆炸物", 10, 4),
    cat!("W1.3", "1.4项爆炸物", 50, 4),
    cat!("W2", "易燃气体类别1、2", 10, 3),
    cat!("W3", "气溶胶类别1、2", 150, 2),
    cat!("W4", "氧化性气体类别1", 50, 2),
    cat!("W5.1", "易燃液体类别1；类别2、3高于沸点工作", 10, 3),
    cat!("W5.2", "类别2、3在特殊工艺条件下可致爆炸", 50, 2),
    cat!("W5.3", "其他类别2易燃液体", 1000, 2),
    cat!("W5.4", "其他类别3易燃液体", 5000, 2),
    cat!("W6.1", "自反应物质A型、B型", 10, 3),
    cat!("W6.2", "自反应物质C型至E型", 50, 2),
    cat!("W7.1", "有机过氧化物A型、B型", 10, 3),
    cat!("W7.2", "有机过氧化物C型至F型", 50, 2),
    cat!("W8", "自燃液体或固体类别1", 50, 2),
    cat!("W9.1", "氧化性固体或液体类别1", 50, 2),
    cat!("W9.2", "氧化性固体或液体类别2、3", 200, 2),
    cat!("W10", "易燃固体类别1", 200, 2),
    cat!("W11", "遇水放出易燃气体的物质类别1、2", 200, 2),
];

/// The common denominator of every q/Q, in grams: the least common multiple
/// of all critical quantities of Tables 1 and 2 (15,000 t; a test checks it).
pub const DENOMINATOR_G: i128 = 15_000_000_000;

/// Table 5: α in tenths for the number of people outside the plant within
/// 500 m of its boundary.
pub fn alpha10(people: i64) -> u32 {
    match people {
        100.. => 20,
        50..=99 => 15,
        30..=49 => 12,
        1..=29 => 10,
        _ => 5,
    }
}

/// Table 6: the major-hazard level (1 = 一级 … 4 = 四级) for R given as
/// `r_num / r_den` exactly.
pub fn level(r_num: i128, r_den: i128) -> u8 {
    if r_num >= 100 * r_den {
        1
    } else if r_num >= 50 * r_den {
        2
    } else if r_num >= 10 * r_den {
        3
    } else {
        4
    }
}

/// The Table-1 row numbered `row`.
pub fn named_by_row(row: u16) -> Option<&'static NamedChemical> {
    TABLE_1.iter().find(|c| c.row == row)
}

/// The Table-1 rows carrying `cas`.
pub fn named_by_cas(cas: &str) -> impl Iterator<Item = &'static NamedChemical> + '_ {
    TABLE_1.iter().filter(move |c| c.cas.contains(&cas))
}

/// The Table-3 gas with `cas`.
pub fn toxic_gas(cas: &str) -> Option<&'static ToxicGas> {
    TABLE_3.iter().find(|g| g.cas == cas)
}

/// The category with `symbol`.
pub fn category(symbol: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.symbol == symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_denominator_is_the_lcm_of_all_critical_quantities() {
        fn gcd(a: i128, b: i128) -> i128 {
            if b == 0 { a } else { gcd(b, a % b) }
        }
        let lcm = TABLE_1
            .iter()
            .map(|c| c.q_kg)
            .chain(CATEGORIES.iter().map(|c| c.q_kg))
            .map(|kg| i128::from(kg) * 1000)
            .fold(1, |acc, q| acc / gcd(acc, q) * q);
        assert_eq!(lcm, DENOMINATOR_G);
    }

    #[test]
    fn tables_have_the_rows_rules_gives() {
        assert_eq!(TABLE_1.len(), 85);
        for (i, c) in TABLE_1.iter().enumerate() {
            assert_eq!(usize::from(c.row), i + 1);
        }
        assert_eq!(TABLE_3.len(), 14);
        assert_eq!(CATEGORIES.len(), 24);
    }

    #[test]
    fn cas_numbers_carry_valid_check_digits() {
        let cas = TABLE_1
            .iter()
            .flat_map(|c| c.cas.iter())
            .chain(TABLE_3.iter().map(|g| &g.cas));
        for number in cas {
            let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
            let (check, body) = digits.split_last().unwrap();
            let sum: u32 = body
                .iter()
                .rev()
                .enumerate()
                .map(|(i, d)| (i as u32 + 1) * d)
                .sum();
            assert_eq!(sum % 10, *check, "{number}");
        }
    }
}
