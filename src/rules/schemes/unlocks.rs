//! What each status opens up (社会救助暂行办法 第二十八至四十七条; medical-aid classes as commonly
//! laid out under the 2021 国办 opinion on 重特大疾病医疗保险和救助).
//!
//! Listed only where it applies to someone the status covers: education assistance (第三十三条,
//! pupils and students) only where a covered member is at school or under 18; employment
//! assistance (第四十二条, members able to work) only where a covered member is of working age
//! (16–59) without a severe disability; housing for 特困 (第三十七条, 分散供养) only where someone
//! is supported at home; the carve-out for edge households only where a member may use it.

use crate::rules::context::Ctx;
use crate::rules::fact::Fact;
use crate::rules::household::{Member, Schooling};
use crate::rules::outcome::{Reason, SchemeId};
use crate::rules::sources;

fn r(zh: &'static str, en: &'static str, s: crate::rules::outcome::Source) -> Reason {
    Reason {
        text: text!(zh, en),
        source: Some(s),
    }
}

/// At school, or a minor (who may be); an unknown age counts as may be.
fn may_be_pupil(m: &Member) -> bool {
    m.schooling != Fact::Known(Schooling::None) || m.age.get().is_none_or(|a| a < 18)
}

/// Of working age (16–59) without a known severe disability; unknown age counts as may be.
fn may_work(m: &Member) -> bool {
    let age = m.age.get().is_none_or(|a| (16..60).contains(&a));
    let severe = matches!(m.disability, Fact::Known(Some(d)) if d.is_severe());
    age && !severe
}

/// What the status opens up for these members (ids), only the items that apply to one of them.
/// `carve_out_open`: some member may use the one-person carve-out. None when no explanations
/// are wanted (the statuses-only path lists statuses and amounts, not what they open up).
pub fn unlocks(ctx: &Ctx, id: SchemeId, members: &[String], carve_out_open: bool) -> Vec<Reason> {
    if !crate::rules::outcome::explaining() {
        return Vec::new();
    }
    let covered: Vec<&Member> = ctx
        .counted
        .iter()
        .copied()
        .filter(|m| members.contains(&m.id))
        .collect();
    let any = |f: fn(&Member) -> bool| covered.iter().any(|m| f(m));
    let education = any(may_be_pupil);
    let employment = any(may_work);
    let at_home = any(|m| !m.in_institution);
    all(ctx, id)
        .into_iter()
        .filter(|(kind, _)| match kind {
            Kind::Education => education,
            Kind::Employment => employment,
            Kind::HousingAtHome => at_home,
            Kind::CarveOut => carve_out_open,
            Kind::Always => true,
        })
        .map(|(_, r)| r)
        .collect()
}

enum Kind {
    Always,
    Education,
    Employment,
    HousingAtHome,
    CarveOut,
}

fn all(ctx: &Ctx, id: SchemeId) -> Vec<(Kind, Reason)> {
    use Kind::*;
    match id {
        SchemeId::Dibao | SchemeId::DibaoSinglePerson | SchemeId::GradualExit => vec![
            (Always, r("医疗救助：资助参加城乡居民医保的个人缴费，并对自付医疗费用按比例救助（通常为第二类救助对象）", "medical assistance: resident health-insurance premium subsidised and part of out-of-pocket costs covered (usually class 2)", sources::medical_aid())),
            (Education, r("教育救助：义务教育阶段学生给予救助，高中、中职和高等教育阶段按规定给予救助", "education assistance for pupils in compulsory education, and as the rules allow at higher stages", sources::education_aid())),
            (Always, r("住房救助：住房困难的低保家庭可获公租房、租赁补贴或农村危房改造", "housing assistance for dibao households in housing difficulty: public rental, rent subsidy or rural repairs", sources::housing_aid())),
            (Employment, r("就业救助：有劳动能力的未就业成员优先获得就业服务，零就业家庭至少一人就业", "employment assistance for members able to work; at least one member of a zero-employment household gets work", sources::employment_aid())),
            (Always, r("临时救助：遇突发困难可申请", "temporary assistance when sudden hardship strikes", sources::temporary_relief())),
        ],
        SchemeId::Tekun => vec![
            (Always, r("医疗救助：全额资助参保（通常为第一类救助对象）", "medical assistance: premium fully paid (usually class 1)", sources::medical_aid())),
            (Education, r("教育救助：特困学生给予教育救助", "education assistance for pupils in extreme poverty", sources::education_aid())),
            (HousingAtHome, r("住房救助：分散供养特困人员住房困难的给予救助", "housing assistance for those supported at home", sources::housing_aid())),
            (Always, r("照料服务：可选择集中供养（入住供养机构）或分散供养", "care: choose support in an institution or at home", sources::tekun_conditions())),
        ],
        SchemeId::Edge => vec![
            (Always, r("医疗救助：通常为第三类救助对象，部分人员资助参保", "medical assistance: usually class 3, with premium help for some members", sources::medical_aid())),
            (CarveOut, r("重残、重病成员可参照“单人户”申请低保", "members with severe disability or serious illness may apply for dibao as one-person households", sources::single_person(ctx))),
            (Always, r("临时救助及其他专项救助", "temporary assistance and other special assistance", sources::temporary_relief())),
        ],
        SchemeId::RigidExpense => vec![
            (Always, r("医疗、教育、住房、就业等专项救助和临时救助", "medical, education, housing and employment assistance, and temporary relief", sources::rigid_definition())),
            (Always, r("认定有效期最长12个月，期满需重新申请", "recognition lasts at most 12 months; then apply again", sources::rigid_definition())),
        ],
        SchemeId::TemporaryRelief => vec![(Always, r("一次性或短期救助金、实物或转介服务", "a one-off or short-term payment, goods or referral to services", sources::temporary_relief()))],
    }
}
