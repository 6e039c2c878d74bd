//! Registration authority (登记管理部门码) and entity category (机构类别码):
//! positions 1 and 2 of a USCC, GB 32100-2015 (RULES.md §11.2, the table
//! five public implementations agree on; codes `A` and `N` came from later
//! amendments whose numbers are UNCONFIRMED).

use serde::Serialize;

/// The authority that registered an entity (USCC position 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Authority {
    /// 1 机构编制: institutional staffing offices.
    InstitutionalStaffing,
    /// 2 外交: foreign affairs.
    ForeignAffairs,
    /// 3 司法行政: justice administration.
    Justice,
    /// 4 文化: culture.
    Culture,
    /// 5 民政: civil affairs.
    CivilAffairs,
    /// 6 旅游: tourism.
    Tourism,
    /// 7 宗教: religious affairs.
    Religion,
    /// 8 工会: trade unions.
    TradeUnion,
    /// 9 工商 (now 市场监管): market regulation.
    MarketRegulation,
    /// A 中央军委改革和编制办公室: the Central Military Commission's reform and staffing office.
    MilitaryStaffing,
    /// N 农业: agriculture.
    Agriculture,
    /// Y 其他: other.
    Other,
}

/// (authority code, authority, Chinese name, English name, categories).
type AuthorityRow = (
    char,
    Authority,
    &'static str,
    &'static str,
    &'static [(char, &'static str, &'static str)],
);

const TABLE: &[AuthorityRow] = &[
    (
        '1',
        Authority::InstitutionalStaffing,
        "机构编制",
        "institutional staffing",
        &[
            ('1', "机关", "government organ"),
            ('2', "事业单位", "public institution"),
            (
                '3',
                "中央编办直接管理机构编制的群众团体",
                "mass organisation staffed by the central staffing office",
            ),
            ('9', "其他", "other"),
        ],
    ),
    (
        '2',
        Authority::ForeignAffairs,
        "外交",
        "foreign affairs",
        &[
            ('1', "外国常驻新闻机构", "resident foreign news agency"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '3',
        Authority::Justice,
        "司法行政",
        "justice administration",
        &[
            ('1', "律师执业机构", "law firm"),
            ('2', "公证处", "notary office"),
            ('3', "基层法律服务所", "grassroots legal service office"),
            ('4', "司法鉴定机构", "forensic appraisal institution"),
            ('5', "仲裁委员会", "arbitration commission"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '4',
        Authority::Culture,
        "文化",
        "culture",
        &[
            ('1', "外国在华文化中心", "foreign cultural centre in China"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '5',
        Authority::CivilAffairs,
        "民政",
        "civil affairs",
        &[
            ('1', "社会团体", "social organisation"),
            ('2', "民办非企业单位", "private non-enterprise unit"),
            ('3', "基金会", "foundation"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '6',
        Authority::Tourism,
        "旅游",
        "tourism",
        &[
            (
                '1',
                "外国旅游部门常驻代表机构",
                "representative office of a foreign tourism authority",
            ),
            (
                '2',
                "港澳台地区旅游部门常驻内地（大陆）代表机构",
                "mainland office of a Hong Kong, Macao or Taiwan tourism authority",
            ),
            ('9', "其他", "other"),
        ],
    ),
    (
        '7',
        Authority::Religion,
        "宗教",
        "religious affairs",
        &[
            ('1', "宗教活动场所", "venue for religious activities"),
            ('2', "宗教院校", "religious school"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '8',
        Authority::TradeUnion,
        "工会",
        "trade union",
        &[
            ('1', "基层工会", "grassroots trade union"),
            ('9', "其他", "other"),
        ],
    ),
    (
        '9',
        Authority::MarketRegulation,
        "工商",
        "market regulation",
        &[
            ('1', "企业", "enterprise"),
            ('2', "个体工商户", "individual business"),
            ('3', "农民专业合作社", "farmers' specialised cooperative"),
        ],
    ),
    (
        'A',
        Authority::MilitaryStaffing,
        "中央军委改革和编制办公室",
        "CMC reform and staffing office",
        &[
            ('1', "军队事业单位", "military public institution"),
            ('9', "其他", "other"),
        ],
    ),
    (
        'N',
        Authority::Agriculture,
        "农业",
        "agriculture",
        &[
            (
                '1',
                "组级集体经济组织",
                "group-level collective economic organisation",
            ),
            (
                '2',
                "村级集体经济组织",
                "village-level collective economic organisation",
            ),
            (
                '3',
                "乡镇级集体经济组织",
                "township-level collective economic organisation",
            ),
            ('9', "其他", "other"),
        ],
    ),
    (
        'Y',
        Authority::Other,
        "其他",
        "other",
        &[('1', "其他", "other")],
    ),
];

fn row(a: Authority) -> &'static AuthorityRow {
    TABLE
        .iter()
        .find(|r| r.1 == a)
        .expect("every authority is in the table")
}

impl Authority {
    /// The authority for USCC position-1 character `c`, if GB 32100 defines one.
    pub fn from_code(c: char) -> Option<Self> {
        TABLE.iter().find(|r| r.0 == c).map(|r| r.1)
    }
    /// The position-1 character.
    pub fn code(self) -> char {
        row(self).0
    }
    /// Chinese name, as in the standard's table.
    pub fn name_zh(self) -> &'static str {
        row(self).2
    }
    /// English name.
    pub fn name_en(self) -> &'static str {
        row(self).3
    }
}

/// An entity category (USCC position 2) under its authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Category {
    /// The authority of position 1.
    pub authority: Authority,
    /// The position-2 character.
    pub code: char,
    /// Chinese name, as in the standard's table.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
}

impl Category {
    /// The category for the USCC's first two characters, if the table has the pair.
    pub fn from_codes(authority: char, category: char) -> Option<Self> {
        let r = TABLE.iter().find(|r| r.0 == authority)?;
        r.4.iter().find(|c| c.0 == category).map(|c| Category {
            authority: r.1,
            code: c.0,
            name_zh: c.1,
            name_en: c.2,
        })
    }
}
