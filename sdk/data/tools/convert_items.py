#!/usr/bin/env python3
"""Builds sdk/data/catalog.json, jianguan's default supervision-item catalog for
Pingdu (平政发〔2021〕16号), from the shared list of 56 real random-inspection
items (random-inspection-items.json).

Standard library only. Re-run after the source list changes:

    python3 sdk/data/tools/convert_items.py \
        /work/shared/data/random-inspection-items.json sdk/data/catalog.json

The output is deterministic (same input, same bytes). Every mapping decision is
in a table below and summarised in the file's "notes".
"""

import json
import re
import sys

# --- Departments (Pingdu). Ids are fixed: other modules rely on them. ---------
# Names follow the Pingdu plan where it names the department; the plan uses
# short forms (市市场监管局, 市应急局, 市行政审批局); the full names are the
# ones the departments publish under. has_enforcement_force: whether the
# department has its own law-enforcement force (Pingdu plan §(一), last
# sentence: 对没有专门执法力量的行业和领域，可通过联合执法方式查处).
DEPARTMENTS = [
    ("market_regulation", "平度市市场监督管理局", "Pingdu Market Regulation Administration", True, None, "Plan §(五)(六)(八)(十) as 市市场监管局; enforcement through its comprehensive market-regulation enforcement team (市场监管综合执法)."),
    ("emergency_management", "平度市应急管理局", "Pingdu Emergency Management Bureau", True, None, "Plan §(八) as 市应急局; work-safety and hazardous-chemical safety enforcement."),
    ("health", "平度市卫生健康局", "Pingdu Health Bureau", True, None, "Plan §(八); health supervision (卫生监督) enforcement."),
    ("administrative_approval", "平度市行政审批服务局", "Pingdu Administrative Approval Service Bureau", False, None, "Plan §(一)(五) as 市行政审批局; approves, does not inspect."),
    ("public_security", "平度市公安局", "Pingdu Public Security Bureau", True, None, "Plan §(八)."),
    ("justice", "平度市司法局", "Pingdu Justice Bureau", False, None, "Plan §(四): receives the annual enforcement-inspection plans (备案) and leads enforcement rules; no market-enforcement force."),
    ("ethnic_religious_affairs", "平度市民族宗教事务主管部门", "Pingdu ethnic and religious affairs authority", False, "market_regulation", "Not named by the plan; exact Pingdu office name unconfirmed. No enforcement force of its own: joint enforcement led by market regulation, its partner in the Qingdao 2023 joint halal-food inspection (F-11)."),
    ("education", "平度市教育主管部门", "Pingdu education authority", False, "market_regulation", "Not named by the plan; exact Pingdu office name unconfirmed. Joint-enforcement lead is a configured default (market regulation, its partner in joint items J-02 and F-06)."),
    ("agriculture_rural", "平度市农业农村局", "Pingdu Agriculture and Rural Affairs Bureau", True, None, "Plan §(十); agricultural comprehensive enforcement."),
    ("ecology_environment", "青岛市生态环境局平度分局", "Qingdao Ecology and Environment Bureau, Pingdu Branch", True, None, "Plan §(八)(十); ecological-environment comprehensive enforcement."),
    ("transport", "平度市交通运输局", "Pingdu Transport Bureau", True, None, "Plan §(八)(十); transport comprehensive enforcement."),
    ("culture_tourism", "平度市文化和旅游局", "Pingdu Culture and Tourism Bureau", True, None, "Plan §(十); cultural-market comprehensive enforcement."),
    ("development_reform", "平度市发展改革局", "Pingdu Development and Reform Bureau", False, None, "Plan §(五)."),
    ("big_data_center", "平度市大数据发展中心", "Pingdu Big Data Development Center", False, None, "Plan §(五)(七)."),
    ("social_credit_center", "平度市社会信用中心", "Pingdu Social Credit Center", False, None, "Plan §(五)."),
    ("industry_information_technology", "平度市工业和信息化局", "Pingdu Industry and Information Technology Bureau", False, "emergency_management", "Added for item E-18 (监控化学品, 工业和信息化部门). Not named by the plan. Joint-enforcement lead is a configured default, not from a published Pingdu list."),
]

# --- authority text as printed -> department id --------------------------------
def department_for(authority):
    if "市场监管" in authority:
        return "market_regulation"
    if "应急管理" in authority or "安全生产监督管理" in authority:
        return "emergency_management"
    if authority == "负有安全生产监督管理职责的部门":
        # E-20: the Shandong rule binds every department with work-safety
        # duties; in the hazardous-chemical context that is emergency management.
        return "emergency_management"
    if "民族宗教" in authority:
        return "ethnic_religious_affairs"
    if "卫生健康" in authority:
        return "health"
    if "教育" in authority:
        return "education"
    if "公安" in authority:
        return "public_security"
    if "工业和信息化" in authority:
        return "industry_information_technology"
    raise SystemExit(f"no department for authority {authority!r}")

# --- item id -> (industry, domain). None/None: not tied to one supervised
# business line (registration, publicity, general work safety, standards, ...).
INDUSTRY = {
    "F-01": ("food_production", None), "F-02": ("industrial_products", None),
    "F-03": ("food_production", None), "F-04": ("catering", None),
    "F-05": ("catering", None), "F-06": ("catering", None),
    "F-07": ("food_sales", None), "F-08": ("food_sales", None),
    "F-09": ("food_production", None), "F-10": ("catering", None),
    "F-11": ("food_production", None),
    "S-01": ("special_equipment_use", None), "S-02": ("special_equipment_use", None),
    "S-03": (None, "special_equipment"), "S-04": (None, "special_equipment"),
    "S-05": ("special_equipment_use", None),
    "D-01": ("drug_retail", None), "D-02": ("medical_device_trade", None),
    "D-03": ("cosmetics_trade", None),
    "E-12": (None, "hazardous_chemicals"), "E-15": (None, "hazardous_chemicals"),
    "E-16": (None, "hazardous_chemicals"), "E-17": (None, "hazardous_chemicals"),
    "O-03": ("industrial_products", None), "O-04": (None, "product_quality"),
    "J-02": (None, "product_quality"),
}

# Pingdu plan §(八) key-supervision fields: 安全生产、生态环境、卫生健康、食品、
# 药品（含医疗器械和化妆品）、特种设备、危险化学品.
def key_supervision(item_id, domain_text):
    if item_id[0] in "FSD":
        return True
    if item_id.startswith("E-") and item_id not in ("E-18", "E-19"):
        return True  # work safety or hazardous chemicals
    return item_id == "J-01"  # public-place hygiene (卫生健康)

# --- approval modes (Pingdu plan §(一)) ------------------------------------------
# Separated (审管分离) only where the licence is issued at Pingdu level and the
# plan's own wording names 市行政审批局 as the approving side: food production
# and food business licences (食品安全法 第三十五条). The Pingdu list of
# licences moved to the approval bureau is not in the shared sources, so this
# is recorded as an assumption in each item's notes.
SEPARATED = {"F-01", "F-04", "F-05", "F-06", "F-07", "F-08"}
SEPARATED_NOTE = ("Approval mode: 审管分离 assumed — Pingdu plan §(一) makes 市行政审批局 the approving "
                  "side; the licence (食品安全法 第三十五条) is taken to be issued by 平度市行政审批服务局 and "
                  "supervised by 平度市市场监督管理局. Confirm against Pingdu's list of licences moved to "
                  "the approval bureau.")

CATEGORY = {"一般检查事项": "general", "重点检查事项": "key", None: "unknown"}

ORDER = re.compile(r"令第\d+号$")

def citation(lb):
    law = lb["law"]
    regulation, number, version = law, None, None
    if law.startswith("企业公示信息抽查办法（"):
        regulation, number, version = "企业公示信息抽查办法", "市场监管总局令第101号", "2025修订（原工商总局令第67号，2014）"
    else:
        m = re.match(r"^(.*?)（(.*)）$", law)
        if m:
            parts = [p.strip() for p in m.group(2).split("，")]
            n = [p for p in parts if ORDER.search(p)]
            v = [p for p in parts if re.match(r"^\d{4}", p)]
            if len(n) + len(v) == len(parts):
                regulation = m.group(1)
                number = n[0] if n else None
                version = v[0] if v else None
    c = {"regulation": regulation}
    if number:
        c["number"] = number
    if version:
        c["version"] = version
    if lb.get("article"):
        c["article"] = lb["article"]
    c["cited_by_list"] = bool(lb["cited_by_list"])
    c["text_checked"] = bool(lb.get("text_checked"))
    if lb.get("text_ref"):
        c["text_ref"] = lb["text_ref"]
    if lb.get("note"):
        c["note"] = lb["note"]
    return c

def convert(x):
    iid = x["id"]
    industry, domain = INDUSTRY.get(iid, (None, None))
    item = {"code": iid, "name": x["item"]}
    if x.get("parent_item"):
        item["parent"] = x["parent_item"]
    if x.get("sub_items"):
        item["sub_items"] = x["sub_items"]
    item["department"] = department_for(x["authority"])
    item["authority_as_printed"] = x["authority"]
    if industry:
        item["industry"] = industry
    if domain:
        item["domain"] = domain
    item["field_as_printed"] = x["domain"]
    item["target"] = x["target"]
    item["legal_basis"] = [citation(lb) for lb in x["legal_basis"]]
    notes = [x["notes"]] if x.get("notes") else []
    if iid in SEPARATED:
        item["approval_mode"] = "separated"
        item["approving_department"] = "administrative_approval"
        notes.append(SEPARATED_NOTE)
    else:
        item["approval_mode"] = "not_applicable"
    if iid == "E-20":
        notes.append("Not a random-inspection item: the Shandong rule that work-safety inspections are drawn at random.")
    else:
        item["random_inspection"] = CATEGORY[x["category"]]
    if x.get("category_basis"):
        item["category_basis"] = x["category_basis"]
    item["key_supervision"] = key_supervision(iid, x["domain"])
    if x.get("method"):
        item["inspection_method"] = x["method"]
    if x.get("sample_ratio"):
        item["sample_ratio"] = x["sample_ratio"]
    if x.get("joint"):
        item["joint"] = True
    item["origin"] = "statute_derived" if iid in ("E-17", "E-20") else "inspection_list"
    if x.get("list_seen"):
        item["list_seen"] = x["list_seen"]
    item["source"] = x["source"]
    if x.get("other_sources"):
        item["other_sources"] = x["other_sources"]
    item["certainty"] = x["certainty"]
    if notes:
        item["notes"] = " ".join(notes)
    return item

LAWREF_HAZCHEM = "https://github.com/LawRefBook/Laws/blob/2f4c5c2/行政法规/危险化学品安全管理条例(2013-12-07).md"

# Items added by jianguan so every hazardous-chemical industry has an item.
# Each cites a legal basis recorded in the shared RULES.md §10.2 or in the
# source list; none was seen in a random-inspection list (origin statute_derived).
SUPPLEMENTS = [
    {
        "code": "JG-H-01", "name": "危险化学品生产企业安全评价情况的检查",
        "department": "emergency_management", "industry": "hazardous_chemical_production",
        "target": "危险化学品生产企业",
        "legal_basis": [{"regulation": "危险化学品安全管理条例", "article": "第二十二条", "cited_by_list": False, "text_checked": True, "text_ref": LAWREF_HAZCHEM, "note": "生产、储存危险化学品的企业每3年进行一次安全评价并报县级备案（RULES.md §10.2）"}],
        "approval_mode": "not_applicable", "random_inspection": "unknown", "key_supervision": True,
        "inspection_method": "查阅资料", "origin": "statute_derived", "source": LAWREF_HAZCHEM, "certainty": "low",
        "notes": "Added by jianguan from the statute (RULES.md §10.2); not seen in a random-inspection list.",
    },
    {
        "code": "JG-H-02", "name": "危险化学品储存单位安全评价及剧毒化学品储存管理情况的检查",
        "department": "emergency_management", "industry": "hazardous_chemical_storage",
        "target": "储存危险化学品的单位",
        "legal_basis": [
            {"regulation": "危险化学品安全管理条例", "article": "第二十二条", "cited_by_list": False, "text_checked": True, "text_ref": LAWREF_HAZCHEM, "note": "每3年安全评价（RULES.md §10.2）"},
            {"regulation": "危险化学品安全管理条例", "article": "第二十四条", "cited_by_list": False, "text_checked": True, "text_ref": LAWREF_HAZCHEM, "note": "剧毒化学品和构成重大危险源的危险化学品专用仓库单独存放，双人收发、双人保管（RULES.md §10.2）"},
        ],
        "approval_mode": "not_applicable", "random_inspection": "unknown", "key_supervision": True,
        "inspection_method": "现场检查、查阅资料", "origin": "statute_derived", "source": LAWREF_HAZCHEM, "certainty": "low",
        "notes": "Added by jianguan from the statute (RULES.md §10.2); not seen in a random-inspection list.",
    },
    {
        "code": "JG-H-03", "name": "危险化学品经营企业经营许可情况的检查",
        "department": "emergency_management", "industry": "hazardous_chemical_trade",
        "target": "危险化学品经营企业",
        "legal_basis": [
            {"regulation": "危险化学品安全管理条例", "article": "第三十三条", "cited_by_list": True, "text_checked": True, "note": "经营许可；cited by the checklist behind source item E-15"},
            {"regulation": "危险化学品经营许可证管理办法", "number": "原安监总局令第55号", "cited_by_list": True, "text_checked": False, "note": "cited by the checklist behind source item E-15"},
        ],
        "approval_mode": "not_applicable", "random_inspection": "unknown", "key_supervision": True,
        "inspection_method": "现场检查、查阅资料", "origin": "statute_derived", "source": "http://www.diyifanwen.net/c1djm14ngbv6tzp834d3b207lq1bbd101eh4_1.html", "certainty": "low",
        "notes": "Trade-only split of source item E-15, added by jianguan so hazardous-chemical traders have an item; who issues the licence in Pingdu is not confirmed, so no approval mode is recorded.",
    },
]

BOUNDARIES = [
    {"scope": {"item": "F-06"}, "lead": "market_regulation", "partners": [
        {"department": "education", "duty": "学校食堂信息的公示情况检查"},
        {"department": "health", "duty": "食源性疾病预防健康教育、食物中毒报告制度"},
        {"department": "public_security", "duty": "打击涉学校食品安全违法犯罪"}],
     "source": "http://panzhihua.gov.cn/zwgk/zfjd/ccqd/10116948.shtml",
     "notes": "Joint item (市场监管领域部门联合抽查事项清单, local version); duties as printed."},
    {"scope": {"item": "F-11"}, "lead": "ethnic_religious_affairs", "partners": [
        {"department": "market_regulation", "duty": "配合检查清真食品生产经营条件（联合抽查配合部门）"}],
     "source": "https://www.hg1347.com/gs202305/t20230508_7176048.html",
     "notes": "青岛市民族宗教事务局2023年度“双随机一公开”抽查计划（联合抽查事项）: 民族宗教部门发起, 市场监管部门配合."},
    {"scope": {"item": "J-01"}, "lead": "health", "partners": [
        {"department": "market_regulation", "duty": "配合检查商场（超市）（联合抽查配合部门）"}],
     "source": "http://www.fenyang.gov.cn/zwgk/chnl1155/dda/sdfds/202108/t20210817_1536722.shtml",
     "notes": "Joint item: 卫生健康部门发起, 市场监管部门配合."},
    {"scope": {"item": "J-02"}, "lead": "education", "partners": [
        {"department": "market_regulation", "duty": "配合检查中小学教育装备产品质量（联合抽查配合部门）"}],
     "source": "http://www.fenyang.gov.cn/zwgk/chnl1155/dda/sdfds/202108/t20210817_1536722.shtml",
     "notes": "Joint item: 教育部门发起, 市场监管部门配合."},
    {"scope": {"domain": "hazardous_chemicals"}, "lead": "emergency_management", "partners": [
        {"department": "market_regulation", "duty": "核发危险化学品及其包装物、容器生产企业的工业产品生产许可证，并依法对其产品质量实施监督（危险化学品安全管理条例 第六条第（三）项）"}],
     "source": LAWREF_HAZCHEM,
     "notes": "危险化学品安全管理条例 第六条: 第（一）项 安全生产监督管理部门（now 应急管理）综合工作; 第（三）项 质检（now 市场监管）. Other departments in Art. 6 are left out until their duties are checked against the text."},
]

# 跨领域跨部门综合执法 (Pingdu plan §(二) second sentence).
COMPREHENSIVE = [
    {"scope": {"domain": d}, "department": "market_regulation",
     "notes": "Market-regulation comprehensive enforcement (市场监管综合行政执法) covers food, drugs/devices/cosmetics, special equipment and product quality; Pingdu plan §(十) names 市市场监管局 among the leads of comprehensive supervision."}
    for d in ("food", "drugs", "special_equipment", "product_quality")
]

NOTES = [
    "Generated by sdk/data/tools/convert_items.py from /work/shared/data/random-inspection-items.json (56 items); edit the script, not this file.",
    "Item codes are the source list's ids; JG-H-* items were added by jianguan from statutes (origin statute_derived) so every hazardous-chemical industry has an item.",
    "department: the source's authority text mapped to a Pingdu department (市场监管 -> market_regulation; 应急管理/安全生产监督管理 -> emergency_management; 民族宗教 -> ethnic_religious_affairs; 卫生健康 -> health; 教育 -> education; 公安 -> public_security; 工业和信息化 -> industry_information_technology). The printed text is kept in authority_as_printed.",
    "industry/domain: the source's field text mapped to entity::Industry, or to a domain only when the item concerns a part of the domain with no Industry (special-equipment producers and inspection bodies, hazardous-chemical firms in general). Neither means the item is not tied to a supervised business line; the printed field is kept in field_as_printed.",
    "random_inspection: general (一般检查事项) / key (重点检查事项) where a list printed it, unknown where no list confirmed it; absent for E-20, which is a rule, not an item.",
    "key_supervision: the item falls in a field of Pingdu plan §(八)'s key-supervision list (安全生产、生态环境、卫生健康、食品、药品（含医疗器械和化妆品）、特种设备、危险化学品); Pingdu's actual list is not published in the shared sources.",
    "approval_mode: separated (审管分离, Pingdu plan §(一)) for food production and food business licensing items, assuming 平度市行政审批服务局 issues the licences and 平度市市场监督管理局 supervises; not_applicable elsewhere — either no approval is involved (pure inspections), or the approval is issued above Pingdu (保健食品、食品相关产品、特种设备生产许可 at province level) or its issuer in Pingdu is unconfirmed (危险化学品经营许可, 药品零售许可, 小作坊登记).",
    "boundaries: joint items from published joint-inspection lists, and the hazardous-chemical division of 危险化学品安全管理条例 第六条.",
]

def main(src, dst):
    with open(src, encoding="utf-8") as f:
        source = json.load(f)
    if len(source) != 56:
        raise SystemExit(f"expected 56 source items, found {len(source)}")
    catalog = {
        "notes": NOTES,
        "departments": [
            dict({"id": i, "name_zh": zh, "name_en": en, "has_enforcement_force": force},
                 **({"joint_enforcement_lead": lead} if lead else {}), notes=notes)
            for (i, zh, en, force, lead, notes) in DEPARTMENTS
        ],
        "items": [convert(x) for x in source] + SUPPLEMENTS,
        "boundaries": BOUNDARIES,
        "comprehensive_enforcement": COMPREHENSIVE,
    }
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=1)
        f.write("\n")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
