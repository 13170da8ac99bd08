//! 下一步: where to apply, what to bring, how long it takes, rights and duties.
//!
//! Channels are data (`data/channels.json`, inherited like the parameters); the documents are
//! tailored to the household (a disability certificate only when someone has a disability...);
//! the timeline comes from the dated parameters (`review_working_days`, `public_notice_days`).

use super::context::Ctx;
use super::fact::Fact;
use super::household::{IncomeKind, Schooling};
use super::outcome::{Reason, Source, Text};
use super::sources;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// `online`, `window`, `hotline` or `residence_permit`.
    pub kind: String,
    pub text: Text,
    pub source: Source,
    pub confidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NextSteps {
    pub channels: Vec<Channel>,
    pub documents: Vec<Reason>,
    pub timeline: Vec<Reason>,
    pub rights_and_duties: Vec<Reason>,
}

struct ChannelEntry {
    zh: String,
    en: String,
    source: String,
    confidence: String,
}

struct ChannelsFile {
    regions: BTreeMap<String, BTreeMap<String, ChannelEntry>>,
}

/// Reads the channels packed at build time (layout: `build/pack.rs`, `channels`), which checked
/// `data/channels.json`.
fn read_channels() -> Option<ChannelsFile> {
    let mut rd = super::packed::Reader::new(super::packed::PACKED_CHANNELS);
    let mut regions = BTreeMap::new();
    for _ in 0..rd.uint()? {
        let code = rd.string()?;
        let mut kinds = BTreeMap::new();
        for _ in 0..rd.uint()? {
            let kind = rd.string()?;
            let (zh, en, source, confidence) =
                (rd.string()?, rd.string()?, rd.string()?, rd.string()?);
            kinds.insert(
                kind,
                ChannelEntry {
                    zh,
                    en,
                    source,
                    confidence,
                },
            );
        }
        regions.insert(code, kinds);
    }
    rd.done().then_some(ChannelsFile { regions })
}

fn channels_data() -> &'static ChannelsFile {
    static DATA: OnceLock<ChannelsFile> = OnceLock::new();
    DATA.get_or_init(|| {
        read_channels().unwrap_or_else(|| panic!("data/channels.json: {}", super::packed::DAMAGED))
    })
}

/// Checks the embedded channel data (for tests): the number of regions with channels.
pub fn check_data() -> Result<usize, String> {
    read_channels()
        .map(|f| f.regions.len())
        .ok_or_else(|| super::packed::DAMAGED.to_string())
}

const KINDS: [&str; 4] = ["online", "window", "residence_permit", "hotline"];

fn doc(
    zh: &'static str,
    en: &'static str,
    document: &'static str,
    article: &'static str,
) -> Reason {
    Reason {
        text: Text::new(zh, en),
        source: Some(Source {
            document: document.into(),
            article: Some(article.into()),
        }),
    }
}

/// A document to bring, citing the household's own region's rule (`data/citations.json`).
fn cited(zh: &'static str, en: &'static str, source: Source) -> Reason {
    Reason {
        text: Text::new(zh, en),
        source: Some(source),
    }
}

const REVIEW: &str = "最低生活保障审核确认办法（民发〔2021〕57号）";
const INTERIM: &str = "社会救助暂行办法（国务院令第649号，2019年修订）";

pub fn next_steps(ctx: &Ctx) -> NextSteps {
    let data = channels_data();
    let chain = super::params::catalogue().chain(&ctx.h.region);
    let mut channels = Vec::new();
    for kind in KINDS {
        // The most specific region that says something about this channel.
        if let Some(e) = chain
            .iter()
            .find_map(|r| data.regions.get(&r.code).and_then(|m| m.get(kind)))
        {
            channels.push(Channel {
                kind: kind.to_string(),
                text: Text::new(e.zh.clone(), e.en.clone()),
                source: Source {
                    document: e.source.clone().into(),
                    article: None,
                },
                confidence: e.confidence.clone(),
            });
        }
    }

    let h = ctx.h;
    let mut documents = vec![
        doc("申请人和共同生活家庭成员的居民身份证、户口簿", "every member's ID card and household register (户口簿)", REVIEW, "第五条（申请材料）"),
        doc("家庭经济状况核对授权书（所有成员签字），以及家庭收入、财产情况的书面声明", "the signed authorisation to check the household's economic situation, and a written statement of income and property", REVIEW, "第五条（申请材料）"),
        cited("申请书或证明事项告知承诺书（实行告知承诺制的地方可不再提供收入证明）", "the application form, or the notice-and-commitment form where certificates are replaced by your written commitment", sources::cite(ctx, "commitment_system")),
        doc("本人银行卡或社会保障卡（用于发放救助金）", "a bank or social-security card for payments", REVIEW, "第五条（申请材料）"),
    ];
    let members = &ctx.counted;
    if members
        .iter()
        .any(|m| matches!(m.disability, Fact::Known(Some(_))))
    {
        documents.push(doc(
            "残疾人证（第二代）",
            "the disability certificate (残疾人证)",
            INTERIM,
            "第十条、重度残疾人认定",
        ));
    }
    if members
        .iter()
        .any(|m| m.serious_illness.is_true() || m.bedridden.is_true())
        || h.expenses.medical.get().is_some_and(|v| !v.is_zero())
    {
        documents.push(cited("二级以上医院的诊断证明、病历，以及医保报销后的自付费用票据", "diagnosis and medical records from a hospital, and receipts of costs paid after insurance", sources::rigid_deduction(ctx)));
    }
    if members.iter().any(|m| {
        !matches!(
            m.schooling,
            Fact::Known(Schooling::None | Schooling::Preschool) | Fact::Unknown
        )
    }) || h.expenses.education.get().is_some_and(|v| !v.is_zero())
    {
        documents.push(cited(
            "在读学生的学籍证明或录取通知书，及学费等教育支出票据",
            "proof of enrolment for students, and receipts for education costs",
            sources::rigid_deduction(ctx),
        ));
    }
    if members.iter().any(|m| {
        m.income
            .iter()
            .any(|i| i.kind == Fact::Known(IncomeKind::Support))
    }) {
        documents.push(cited("赡养、抚养、扶养费的协议、判决或给付情况说明，以及给付人的收入情况", "the agreement, court order or statement of support payments received, and the payer's income", sources::support_exemption(ctx)));
    }
    if h.assets.relocation_homes > 0 {
        documents.push(cited(
            "易地扶贫搬迁安置房的相关证明",
            "proof that a home is relocation housing (易地扶贫搬迁)",
            sources::relocation_housing(ctx),
        ));
    }
    if matches!(h.circumstances.sudden_event, Fact::Known(Some(_))) {
        documents.push(doc("突发事件的证明材料（如火灾、交通事故认定书，医院诊断，受灾证明）", "proof of the sudden event (fire or traffic-accident report, hospital diagnosis, disaster certificate)", INTERIM, "第四十八条"));
    }
    if h.circumstances
        .months_without_income
        .get()
        .is_some_and(|m| m >= 3)
    {
        documents.push(cited("失业、无收入情况的说明（如解除劳动合同证明），及未参加失业保险的情况", "a statement of unemployment and no income (e.g. end of contract), and of having no unemployment insurance", sources::uninsured_unemployed(ctx)));
    }

    let p = &ctx.params;
    let mut timeline = Vec::new();
    match (p.review_working_days().number(), p.review_working_days_delegated().number(), p.review_working_days_extended().number()) {
        (Some(a), Some(b), Some(c)) => timeline.push(Reason {
            text: Text::new(
                format!("自受理之日起 {a} 个工作日内审核确认；委托乡镇（街道）的 {b} 个工作日；情况复杂的可延长至 {c} 个工作日"),
                format!("a decision within {a} working days of acceptance ({b} where the township decides; up to {c} when extended)"),
            ),
            source: Some(ctx.params.review_working_days().source()),
        }),
        _ => timeline.push(doc("审核时限以当地规定为准", "review time limits depend on local rules", REVIEW, "")),
    }
    if let Some(d) = p.public_notice_days().number() {
        timeline.push(Reason {
            text: Text::new(
                format!("拟纳入的对象在村（居）公示 {d} 天，公示不涉及个人隐私"),
                format!("those to be enrolled are announced in the village or community for {d} days, without private details"),
            ),
            source: Some(ctx.params.public_notice_days().source()),
        });
    }
    // 先行救助: where the region sets a time limit (Diqing: 48 hours, 迪办发〔2021〕26号 四（九）),
    // it is named; elsewhere no time limit has been found, so none is promised.
    match p.emergency_relief_first_within_hours().number() {
        Some(h) => timeline.push(Reason {
            text: Text::new(
                format!("遭遇突发事件的（急难型临时救助），{h} 小时内先行救助，事后补办手续"),
                format!("after a sudden event (emergency relief), help is paid first within {h} hours and the paperwork completed afterwards"),
            ),
            source: Some(ctx.params.emergency_relief_first_within_hours().source()),
        }),
        None => timeline.push(doc(
            "遇到紧急情况的，可以先行给予临时救助，事后补办手续（时限以当地规定为准）",
            "in an emergency, temporary relief can be paid first and the paperwork completed afterwards (how soon depends on local rules)",
            "关于进一步加强和改进临时救助工作的意见（2018）",
            "急难型临时救助 先行救助",
        )),
    }

    let rights_and_duties = vec![
        doc("如实申报家庭人口、收入和财产；不如实申报的，将停止救助并追回已发款物", "report household members, income and property truthfully; otherwise assistance stops and payments are reclaimed", INTERIM, "第十一条、第六十八条"),
        doc("家庭人口、收入、财产发生变化时，应当及时告知乡镇（街道）", "tell the township office when members, income or property change", INTERIM, "第十三条"),
        doc("有劳动能力的成员无正当理由连续3次拒绝介绍的适当工作的，可减发或停发其本人的低保金", "a member able to work who refuses suitable jobs 3 times without good reason may have their own benefit reduced or stopped", INTERIM, "第四十五条"),
        doc("对审核结果不服的，可以依法申请行政复议或者提起行政诉讼", "if you disagree with the decision, you can apply for administrative review or go to court", INTERIM, "第六十五条"),
    ];
    NextSteps {
        channels,
        documents,
        timeline,
        rights_and_duties,
    }
}
