//! Who supervises an item: the responsibility boundary list (职责边界清单)
//! and the resolution rules of Pingdu plan §(一) and §(二).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{ApprovalMode, CatalogError, DepartmentId, ItemCatalog, SupervisionItem};
use crate::entity::{Domain, Industry};

/// What a boundary-list or comprehensive-enforcement entry covers.
///
/// In files: `{"item": "F-11"}`, `{"industry": "catering"}` or
/// `{"domain": "food"}` (TOML: `scope = { item = "F-11" }`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Scope {
    /// One item, by code.
    Item(String),
    /// Every item of a business line.
    Industry(Industry),
    /// Every item of a plugin domain.
    Domain(Domain),
}

impl Scope {
    /// How specifically the scope matches `item`: 3 for its code, 2 for its
    /// industry, 1 for its domain, `None` when it does not match. The most
    /// specific matching entry wins.
    pub fn specificity(&self, item: &SupervisionItem) -> Option<u8> {
        match self {
            Scope::Item(code) => (*code == item.code).then_some(3),
            Scope::Industry(i) => (item.industry == Some(*i)).then_some(2),
            Scope::Domain(d) => (item.effective_domain() == Some(*d)).then_some(1),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Item(c) => write!(f, "item {c}"),
            Scope::Industry(i) => write!(f, "industry {i}"),
            Scope::Domain(d) => write!(f, "domain {d:?}"),
        }
    }
}

/// A partner department in a boundary-list entry, with its share of the work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner department.
    pub department: DepartmentId,
    /// Its duty, as the list prints it.
    pub duty: String,
}

/// An entry of the responsibility boundary list (职责边界清单): for an item,
/// industry or domain that involves several departments, which department
/// leads and what each partner does. Pingdu plan §(二): "对涉及多个监管部门的
/// 监管领域和监管事项，按照职责边界清单确定的职责依法监管".
///
/// An entry applies to the items in its scope whose supervising department
/// is the entry's lead; an item-scoped entry must name the item's own
/// department as lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundaryEntry {
    /// What the entry covers.
    pub scope: Scope,
    /// The lead department (牵头部门 / 发起部门).
    pub lead: DepartmentId,
    /// Partner departments (配合部门) and their duties.
    pub partners: Vec<Partner>,
    /// Where the division was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A field under cross-field, cross-department comprehensive enforcement
/// (跨领域跨部门综合执法, Pingdu plan §(二)) and the department that enforces
/// in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComprehensiveEnforcement {
    /// What the entry covers.
    pub scope: Scope,
    /// The comprehensive-enforcement department; it must have an enforcement force.
    pub department: DepartmentId,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Facts about the approval behind a case, as far as they are known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalFacts {
    /// The department that approved, when it differs from the item's default
    /// approving department or the item names none.
    #[serde(default)]
    pub approved_by: Option<DepartmentId>,
    /// Whether the approval was obtained by a false commitment or the
    /// commitment was broken (虚假承诺或违背承诺).
    #[serde(default)]
    pub commitment_breached: bool,
}

/// The role a department plays for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// 监管主体: carries the in-process and post-event supervision.
    Lead,
    /// 审批部门: answers for the approval act, process and result.
    Approving,
    /// 处置: disposes of an approval obtained by a false or broken commitment.
    Disposing,
    /// 协查: assists the disposing department on request, within its statutory duties.
    Assisting,
    /// 配合部门: a partner under the boundary list, with the duty given there.
    Partner,
    /// Leads joint enforcement (联合执法) where the lead has no enforcement force.
    JointEnforcement,
    /// 综合执法部门: enforces in a comprehensive-enforcement field.
    ComprehensiveEnforcement,
    /// 支持配合: an approving or competent department supporting the
    /// comprehensive-enforcement department.
    Supporting,
}

/// The clause of the Pingdu plan (平政发〔2021〕16号) a role follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlanClause {
    /// §(一) 明确监管职责 (supervision duties).
    SupervisionDuties,
    /// §(二) 厘清监管事权 (division of supervisory powers).
    SupervisionPowers,
    /// §(五) 实施信用监管 (credit supervision; 信用承诺).
    CreditSupervision,
    /// §(六) 深化"双随机、一公开"监管: "严格执行抽查事项清单" — the item
    /// list names the department that inspects.
    InspectionList,
}

impl PlanClause {
    /// The clause number, e.g. `(一)`.
    pub fn number(self) -> &'static str {
        match self {
            PlanClause::SupervisionDuties => "(一)",
            PlanClause::SupervisionPowers => "(二)",
            PlanClause::CreditSupervision => "(五)",
            PlanClause::InspectionList => "(六)",
        }
    }
}

impl fmt::Display for PlanClause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pingdu plan §{}", self.number())
    }
}

/// One department in one role, with the sentence of the plan it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// The department.
    pub department: DepartmentId,
    /// Its role.
    pub role: Role,
    /// The clause followed.
    pub clause: PlanClause,
    /// The plan's sentence (or the boundary list's duty) behind the role.
    pub reason: String,
}

/// Which departments do what for an item, as [`ItemCatalog::resolve`] finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Responsibility {
    /// The item's code.
    pub item_code: String,
    /// The item's approval mode.
    pub approval_mode: ApprovalMode,
    /// Every department and role, lead first.
    pub assignments: Vec<Assignment>,
    /// Whether violations are to be dealt with by joint enforcement (the
    /// lead has no enforcement force, Pingdu plan §(一)).
    pub joint_enforcement: bool,
    /// Whether the entity's failure to keep its commitment goes into its
    /// credit record (Pingdu plan §(五): "按照有关规定将市场主体的承诺履行
    /// 情况记入信用记录").
    pub record_in_credit: bool,
}

impl Responsibility {
    /// The supervising department (the first with [`Role::Lead`]).
    pub fn lead(&self) -> &DepartmentId {
        self.with_role(Role::Lead)
            .next()
            .expect("resolution always assigns a lead")
    }

    /// The departments holding `role`, in order.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &DepartmentId> {
        self.assignments
            .iter()
            .filter(move |a| a.role == role)
            .map(|a| &a.department)
    }

    /// The roles `department` holds.
    pub fn roles_of(&self, department: &str) -> Vec<Role> {
        self.assignments
            .iter()
            .filter(|a| a.department == department)
            .map(|a| a.role)
            .collect()
    }

    /// Whether `department` holds `role`.
    pub fn has(&self, department: &str, role: Role) -> bool {
        self.assignments
            .iter()
            .any(|a| a.department == department && a.role == role)
    }

    fn push(&mut self, department: &DepartmentId, role: Role, clause: PlanClause, reason: &str) {
        if !self.has(department.as_str(), role) {
            self.assignments.push(Assignment {
                department: department.clone(),
                role,
                clause,
                reason: reason.to_owned(),
            });
        }
    }
}

const INTEGRATED: &str = "对审管一体事项，审批部门履行事中事后监管主体责任";
const APPROVAL_ACT: &str = "审批部门对审批行为、过程和结果负责";
const DISPOSAL: &str = "对于采取虚假承诺或违背承诺取得审批的，由审批部门负责处置";
const ASSIST: &str =
    "审批部门在处置过程中，可以依据法律、法规、规章，请主管部门在法定职责范围内予以协查";
const AFTERWARDS: &str = "主管部门负责后续监管";
const ITEM_LIST: &str = "严格执行抽查事项清单";
const LICENCE_REFORM: &str =
    "对取消行政审批、审批改为备案的事项，按照“证照分离”改革要求，加强事中事后监管";
const JOINT: &str = "对没有专门执法力量的行业和领域，可通过联合执法方式查处违法违规行为";
const COMPREHENSIVE: &str =
    "实行跨领域跨部门综合执法的监管领域，相关审批和主管部门要支持配合综合执法部门查处违法违规行为";

/// Resolves who supervises `code` given `facts`; see [`ItemCatalog::resolve`].
pub(crate) fn resolve<C: ItemCatalog + ?Sized>(
    catalog: &C,
    code: &str,
    facts: &ApprovalFacts,
) -> Result<Responsibility, CatalogError> {
    use PlanClause::*;
    let item = catalog
        .item(code)?
        .ok_or_else(|| CatalogError::UnknownItem {
            code: code.to_owned(),
        })?;
    let item = &item;
    let record = format!("item {}", item.code);
    if let Some(d) = &facts.approved_by
        && catalog.department(d.as_str())?.is_none()
    {
        return Err(CatalogError::UnknownDepartment {
            record: "approval facts".into(),
            field: "approved_by",
            id: d.to_string(),
        });
    }
    let competent = &item.department;
    if let Some(d) = &facts.approved_by {
        let contradiction = match item.approval_mode {
            ApprovalMode::Integrated => (d != competent)
                .then(|| format!("{d} approved, but under 审管一体 the approving department is the supervising one ({competent})")),
            ApprovalMode::Separated | ApprovalMode::NotificationCommitment => (d == competent)
                .then(|| format!("{d} is the competent department; under {:?} another department approves", item.approval_mode)),
            ApprovalMode::Cancelled | ApprovalMode::ChangedToFiling | ApprovalMode::NotApplicable => Some(format!(
                "the item's approval mode is {:?}: no department approves it",
                item.approval_mode
            )),
        };
        if let Some(problem) = contradiction {
            return Err(CatalogError::InvalidField {
                record: format!("approval facts for item {}", item.code),
                field: "approved_by".into(),
                problem,
            });
        }
    }
    let approving = facts
        .approved_by
        .as_ref()
        .or(item.approving_department.as_ref());
    let need_approving = || {
        approving.ok_or_else(|| CatalogError::InvalidField {
            record: record.clone(),
            field: "approving_department".into(),
            problem: format!(
                "a {:?} item needs an approving department, and neither the item nor the facts name one",
                item.approval_mode
            ),
        })
    };
    let mut r = Responsibility {
        item_code: item.code.clone(),
        approval_mode: item.approval_mode,
        assignments: Vec::new(),
        joint_enforcement: false,
        record_in_credit: false,
    };
    match item.approval_mode {
        ApprovalMode::Integrated => {
            r.push(competent, Role::Lead, SupervisionDuties, INTEGRATED);
            if facts.commitment_breached {
                r.push(competent, Role::Disposing, SupervisionDuties, DISPOSAL);
            }
        }
        ApprovalMode::Separated | ApprovalMode::NotificationCommitment => {
            let a = need_approving()?;
            r.push(competent, Role::Lead, SupervisionDuties, AFTERWARDS);
            r.push(a, Role::Approving, SupervisionDuties, APPROVAL_ACT);
            if facts.commitment_breached {
                r.push(a, Role::Disposing, SupervisionDuties, DISPOSAL);
                r.push(competent, Role::Assisting, SupervisionDuties, ASSIST);
            }
        }
        ApprovalMode::Cancelled | ApprovalMode::ChangedToFiling => {
            r.push(competent, Role::Lead, SupervisionDuties, LICENCE_REFORM);
        }
        ApprovalMode::NotApplicable => {
            r.push(competent, Role::Lead, InspectionList, ITEM_LIST);
        }
    }
    // §(五): "按照有关规定将市场主体的承诺履行情况记入信用记录" — whatever the
    // approval mode, a broken commitment goes into the credit record.
    r.record_in_credit = facts.commitment_breached;

    // §(二): the boundary list settles partners of multi-department items.
    let boundaries = catalog.boundaries()?;
    let boundary = boundaries
        .iter()
        .filter(|b| b.lead == *competent)
        .filter_map(|b| b.scope.specificity(item).map(|s| (s, b)))
        .max_by_key(|(s, _)| *s);
    if let Some((_, b)) = boundary {
        for p in &b.partners {
            r.push(&p.department, Role::Partner, SupervisionPowers, &p.duty);
        }
    }

    // §(一), last sentence: joint enforcement where the lead has no force.
    let leads: Vec<DepartmentId> = r.with_role(Role::Lead).cloned().collect();
    for lead in &leads {
        let dept =
            catalog
                .department(lead.as_str())?
                .ok_or_else(|| CatalogError::UnknownDepartment {
                    record: record.clone(),
                    field: "department",
                    id: lead.to_string(),
                })?;
        if !dept.has_enforcement_force {
            let partner =
                dept.joint_enforcement_lead
                    .as_ref()
                    .ok_or_else(|| CatalogError::InvalidField {
                        record: format!("department {lead}"),
                        field: "joint_enforcement_lead".into(),
                        problem: "the department has no enforcement force and names no joint-enforcement lead".into(),
                    })?;
            r.push(partner, Role::JointEnforcement, SupervisionDuties, JOINT);
            r.joint_enforcement = true;
        }
    }

    // §(二), second sentence: comprehensive enforcement.
    let fields = catalog.comprehensive_enforcement()?;
    let comprehensive = fields
        .iter()
        .filter_map(|c| c.scope.specificity(item).map(|s| (s, c)))
        .max_by_key(|(s, _)| *s);
    if let Some((_, c)) = comprehensive {
        r.push(
            &c.department,
            Role::ComprehensiveEnforcement,
            SupervisionPowers,
            COMPREHENSIVE,
        );
        let approving_roles = [Role::Approving, Role::Disposing];
        let mut supporters: Vec<DepartmentId> = r
            .assignments
            .iter()
            .filter(|a| approving_roles.contains(&a.role))
            .map(|a| a.department.clone())
            .collect();
        supporters.push(competent.clone());
        for s in supporters.iter().filter(|s| **s != c.department) {
            r.push(s, Role::Supporting, SupervisionPowers, COMPREHENSIVE);
        }
    }
    Ok(r)
}
