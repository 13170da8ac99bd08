//! The documents the rules cite, so every reason names its source the same way.
//!
//! National rules are named here. Rules that regions restate or set themselves (the carve-out,
//! deductions, support exemptions, gradual exit, relief…) are cited from `data/citations.json`:
//! the most specific region in the household's own chain with an entry in force on the screening
//! date, so a household is never shown another prefecture's notice.

use super::context::Ctx;
use super::date::Date;
use super::outcome::Source;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug)]
struct Citation {
    region: String,
    effective: Date,
    document: String,
    article: Option<String>,
}

#[derive(Debug)]
struct CitationsFile {
    rules: BTreeMap<String, Vec<Citation>>,
}

/// Reads the citations packed at build time (layout: `build/pack.rs`, `citations`).
fn read_citations() -> Option<CitationsFile> {
    let mut rd = super::packed::Reader::new(super::packed::PACKED_CITATIONS);
    let mut rules = BTreeMap::new();
    for _ in 0..rd.uint()? {
        let rule = rd.string()?;
        let mut list = Vec::new();
        for _ in 0..rd.uint()? {
            list.push(Citation {
                region: rd.string()?,
                effective: rd.date()?,
                document: rd.string()?,
                article: rd.opt_string()?,
            });
        }
        rules.insert(rule, list);
    }
    rd.done().then_some(CitationsFile { rules })
}

fn parse_citations() -> Result<CitationsFile, String> {
    let f = read_citations().ok_or(super::packed::DAMAGED)?;
    let cat = super::params::catalogue();
    for (rule, list) in &f.rules {
        if !list.iter().any(|c| c.region == "000000") {
            return Err(format!(
                "data/citations.json: {rule} has no national (000000) entry"
            ));
        }
        if let Some(c) = list.iter().find(|c| !cat.regions.contains_key(&c.region)) {
            return Err(format!(
                "data/citations.json: {rule}: unknown region {}",
                c.region
            ));
        }
    }
    Ok(f)
}

fn citations() -> &'static CitationsFile {
    static DATA: OnceLock<CitationsFile> = OnceLock::new();
    DATA.get_or_init(|| parse_citations().unwrap_or_else(|e| panic!("{e}")))
}

/// Checks the embedded citation data (for tests and `jiuzhu regions --check`): the rule ids.
pub fn check_data() -> Result<Vec<String>, String> {
    parse_citations().map(|f| f.rules.keys().cloned().collect())
}

/// The document a rule cites for a household in `region` on `as_of`: the most specific region
/// of the chain with an entry in force, else the earliest national entry. Empty on the
/// statuses-only path, which keeps no explanations.
pub fn cite_for(region: &str, as_of: Date, rule: &str) -> Source {
    // The statuses-only path keeps no explanations: nothing to look up.
    if !super::outcome::explaining() {
        return Source {
            document: "".into(),
            article: None,
        };
    }
    let data = citations();
    let Some(list) = data.rules.get(rule) else {
        panic!("rules cite an undefined rule `{rule}` (data/citations.json)");
    };
    let chain = super::params::catalogue().chain(region);
    let found = chain.iter().find_map(|r| {
        list.iter()
            .filter(|c| c.region == r.code && c.effective <= as_of)
            .max_by_key(|c| c.effective)
    });
    let c = found.or_else(|| {
        list.iter()
            .filter(|c| c.region == "000000")
            .min_by_key(|c| c.effective)
    });
    match c {
        Some(c) => Source {
            document: c.document.clone().into(),
            article: c.article.clone().map(Into::into),
        },
        None => Source {
            document: rule.to_string().into(),
            article: None,
        },
    }
}

/// [`cite_for`] the household's region and date.
pub fn cite(ctx: &Ctx, rule: &str) -> Source {
    cite_for(&ctx.h.region, ctx.as_of, rule)
}

fn src(document: &'static str, article: &'static str) -> Source {
    Source {
        document: document.into(),
        article: if article.is_empty() {
            None
        } else {
            Some(article.into())
        },
    }
}

pub const INTERIM_MEASURES: &str = "社会救助暂行办法（国务院令第649号，2019年修订）";
pub const DIBAO_REVIEW_2021: &str = "最低生活保障审核确认办法（民发〔2021〕57号）";
pub const TEKUN_2021: &str = "特困人员认定办法（民发〔2021〕43号）";
pub const NOTICE_2020: &str =
    "关于进一步做好困难群众基本生活保障工作的通知（民政部、财政部，2020年7月）";
pub const NOTICE_2022_83: &str =
    "关于进一步做好最低生活保障等社会救助兜底保障工作的通知（民发〔2022〕83号）";
pub const RIGID_2024: &str = "刚性支出困难家庭认定办法（民政部，2025-01-01施行）";
pub const TEMP_RELIEF_2018: &str = "关于进一步加强和改进临时救助工作的意见（2018）";
pub const JIUZHU_DECISIONS: &str = "本工具的筛查约定（不是政策规定）";

pub fn household_members() -> Source {
    src(DIBAO_REVIEW_2021, "共同生活的家庭成员（各省实施细则同文）")
}
pub fn income_categories() -> Source {
    src(DIBAO_REVIEW_2021, "家庭收入的构成")
}
pub fn income_not_counted() -> Source {
    src(DIBAO_REVIEW_2021, "不计入家庭收入的项目")
}
pub fn rigid_deduction(ctx: &Ctx) -> Source {
    cite(ctx, "rigid_deduction")
}
pub fn support_exemption(ctx: &Ctx) -> Source {
    cite(ctx, "support_exemption")
}
pub fn dibao_eligibility() -> Source {
    src(INTERIM_MEASURES, "第九条")
}
pub fn dibao_amount() -> Source {
    src(INTERIM_MEASURES, "第十二条")
}
pub fn dibao_whole_household(ctx: &Ctx) -> Source {
    cite(ctx, "dibao_whole_household")
}
pub fn property_rules() -> Source {
    src(INTERIM_MEASURES, "第十条（财产状况由省级或设区的市级规定）")
}
pub fn relocation_housing(ctx: &Ctx) -> Source {
    cite(ctx, "relocation_housing")
}
pub fn screening_assumption() -> Source {
    src(JIUZHU_DECISIONS, "Property")
}
pub fn single_person(ctx: &Ctx) -> Source {
    cite(ctx, "single_person")
}
pub fn tekun_conditions() -> Source {
    src(
        TEKUN_2021,
        "无劳动能力、无生活来源、无法定义务人或义务人无履行能力",
    )
}
pub fn tekun_minor() -> Source {
    src(
        NOTICE_2020,
        "未成年人年龄从16周岁延长至18周岁；特困人员认定办法第二十四条",
    )
}
pub fn no_double_benefit() -> Source {
    src(TEKUN_2021, "")
}
pub fn edge_definition() -> Source {
    src(
        NOTICE_2020,
        "低保边缘家庭：人均收入低于当地低保标准1.5倍且财产状况符合规定",
    )
}
pub fn rigid_definition() -> Source {
    src(RIGID_2024, "认定条件")
}
pub fn rigid_hardship_meaning(ctx: &Ctx) -> Source {
    cite(ctx, "rigid_hardship_meaning")
}
pub fn temporary_relief() -> Source {
    src(INTERIM_MEASURES, "第四十七条")
}
pub fn temporary_relief_types() -> Source {
    src(TEMP_RELIEF_2018, "急难型、支出型")
}
pub fn uninsured_unemployed(ctx: &Ctx) -> Source {
    cite(ctx, "uninsured_unemployed")
}
pub fn pending_dibao_relief(ctx: &Ctx) -> Source {
    cite(ctx, "pending_dibao_relief")
}
pub fn gradual_exit(ctx: &Ctx) -> Source {
    cite(ctx, "gradual_exit")
}
pub fn medical_aid() -> Source {
    src(INTERIM_MEASURES, "第二十八、二十九条")
}
pub fn education_aid() -> Source {
    src(INTERIM_MEASURES, "第三十三条")
}
pub fn housing_aid() -> Source {
    src(INTERIM_MEASURES, "第三十七条")
}
pub fn employment_aid() -> Source {
    src(INTERIM_MEASURES, "第四十二至四十五条")
}
pub fn support_exempt_monitored(ctx: &Ctx) -> Source {
    cite(ctx, "support_exempt_monitored")
}
pub fn single_person_community_corrections(ctx: &Ctx) -> Source {
    cite(ctx, "single_person_community_corrections")
}
pub fn edge_monitored(ctx: &Ctx) -> Source {
    cite(ctx, "edge_monitored")
}
pub fn emergency_relief(ctx: &Ctx) -> Source {
    cite(ctx, "emergency_relief")
}
pub fn single_person_severe_route(ctx: &Ctx) -> Source {
    cite(ctx, "single_person_severe_route")
}
