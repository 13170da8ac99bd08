//! 共同生活的家庭成员: who is in the household.
//!
//! 最低生活保障审核确认办法（民发〔2021〕57号）第九条: "共同生活的家庭成员包括：（一）配偶；（二）未成年
//! 子女；（三）已成年但不能独立生活的子女，包括在校接受全日制本科及以下学历教育的子女；（四）其他具有法定
//! 赡养、扶养、抚养义务关系并长期共同居住的人员。" — so the spouse, minor children and adult children who
//! cannot live independently (full-time students up to 本科 included) count **whether or not they
//! live at home** (a husband working in another city, a daughter in a university dorm, a child
//! boarding at school); everyone else with a duty of support counts only if they live together
//! long-term. 第十条's exclusions (religious personnel away 3+ years, prison, compulsory drug
//! rehabilitation, declared missing) apply whoever the person is.
//!
//! Relations are relative to the applicant (`docs/schema.md`): a `child` is the applicant's child.

use super::fact::Fact;
use super::household::{Exclusion, Household, Member, Relation, Schooling, SelfCare};
use super::outcome::Text;

/// Why a listed person is or is not a household member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The applicant, or anyone with a duty of support who lives with them long-term.
    LivesTogether,
    SpouseAway,
    MinorChildAway,
    /// Adult child in full-time education up to 本科 (high school, secondary vocational,
    /// 大专/本科).
    StudentChildAway,
    /// Adult child who cannot live independently: severe disability or needs care.
    DependentChildAway,
    /// A child living away whose age was not given: may be a minor, so counted; the office checks.
    ChildAgeUnknownAway,
    /// An adult child living away for whom it is not answered whether they are at school or can
    /// live independently: may be either, so counted (as for an unknown age); the office checks.
    ChildUnknownAway,
    // Not counted:
    NoDutyOfSupport,
    AdultChildIndependentAway,
    NotLivingTogether,
    Excluded(Exclusion),
}

impl Why {
    pub fn counted(self) -> bool {
        matches!(
            self,
            Why::LivesTogether
                | Why::SpouseAway
                | Why::MinorChildAway
                | Why::StudentChildAway
                | Why::DependentChildAway
                | Why::ChildAgeUnknownAway
                | Why::ChildUnknownAway
        )
    }

    /// Counted although not living at home (the trace says so).
    pub fn counted_while_away(self) -> bool {
        self.counted() && self != Why::LivesTogether
    }

    pub fn text(self) -> Text {
        match self {
            Why::LivesTogether => text!("长期共同居住", "lives with the household"),
            Why::SpouseAway => text!(
                "配偶不在家住（如在外地工作）也计入家庭成员，收入一并计算",
                "a spouse living elsewhere (e.g. working in another city) is still a household member; their income counts",
            ),
            Why::MinorChildAway => text!(
                "未成年子女不在家住（如住校）也计入家庭成员",
                "a minor child living elsewhere (e.g. boarding at school) is still a household member",
            ),
            Why::StudentChildAway => text!(
                "在校接受全日制本科及以下学历教育的子女，属于不能独立生活的成年子女，不在家住也计入",
                "an adult child in full-time education up to a bachelor's degree cannot live independently: counted even when living away (e.g. in a dorm)",
            ),
            Why::DependentChildAway => text!(
                "已成年但不能独立生活的子女（重度残疾或需要照料），不在家住也计入",
                "an adult child who cannot live independently (severe disability or needing care): counted even when living away",
            ),
            Why::ChildAgeUnknownAway => text!(
                "子女年龄未填写：可能未成年，暂计入家庭成员，以审核为准",
                "the child's age is not given: may be a minor, so counted for now — the office checks",
            ),
            Why::ChildUnknownAway => text!(
                "已成年子女不在家住，是否在校或能否独立生活未回答：暂计入家庭成员，以审核为准",
                "an adult child living elsewhere, not answered whether at school or able to live independently: counted for now — the office checks",
            ),
            Why::NoDutyOfSupport => text!(
                "与申请人无法定赡养、抚养、扶养关系，不计入家庭成员",
                "no legal duty of support with the applicant: not a household member",
            ),
            Why::AdultChildIndependentAway => text!(
                "已成年、能独立生活且不在家长期居住的子女，不计入家庭成员",
                "an adult child who can live independently and lives elsewhere: not a household member",
            ),
            Why::NotLivingTogether => text!(
                "未长期共同居住，不计入共同生活的家庭成员（配偶、未成年子女和不能独立生活的子女除外）",
                "does not live with the household long-term: not counted (only the spouse, minor children and children who cannot live independently count while living away)",
            ),
            Why::Excluded(Exclusion::ReligiousAway3Years) => text!(
                "连续三年以上脱离家庭独立生活的宗教教职人员，不计入",
                "religious personnel living apart for 3+ years: not counted",
            ),
            Why::Excluded(Exclusion::Prison) => text!(
                "在监狱内服刑人员，不计入",
                "serving a prison sentence: not counted",
            ),
            Why::Excluded(Exclusion::CompulsoryRehab) => text!(
                "在强制隔离戒毒场所人员，不计入",
                "in compulsory drug rehabilitation: not counted",
            ),
            Why::Excluded(Exclusion::DeclaredMissing) => {
                text!("宣告失踪人员，不计入", "declared missing: not counted")
            }
            // Conscripts are never excluded here (see `membership`); kept for completeness.
            Why::Excluded(Exclusion::Conscript) => {
                text!("义务兵，不计入", "conscript: not counted")
            }
        }
    }
}

/// The facts 第九条 looks at, so that the app's form (which has its own answer types) applies
/// exactly the same rule as the engine.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub relation: Relation,
    pub lives_together: bool,
    pub excluded: Option<Exclusion>,
    pub age: Option<u8>,
    /// `Unknown` = not answered (may be at school).
    pub schooling: Fact<Schooling>,
    /// Severe disability (level 1–2, or level 3 intellectual/mental) or not fully self-caring;
    /// `Unknown` when self-care is not answered (and the disability does not already say so).
    pub cannot_live_independently: Fact<bool>,
}

impl Facts {
    pub fn of(m: &Member) -> Facts {
        let severe = match m.disability {
            Fact::Known(Some(d)) => {
                d.is_severe() || (d.level == 3 && d.is_intellectual_or_mental())
            }
            _ => false,
        };
        Facts {
            relation: m.relation,
            lives_together: m.lives_together,
            excluded: m.excluded,
            age: m.age.get(),
            schooling: m.schooling,
            cannot_live_independently: cannot_live_independently(severe, m.self_care),
        }
    }
}

/// Severe disability, or not fully self-caring: known true if either is; unknown if self-care
/// is unknown and the disability does not settle it.
pub fn cannot_live_independently(severe: bool, care: Fact<SelfCare>) -> Fact<bool> {
    match care {
        _ if severe => Fact::Known(true),
        Fact::Known(c) => Fact::Known(c != SelfCare::Full),
        Fact::Unknown => Fact::Unknown,
    }
}

/// Full-time education up to 本科 (第九条（三）).
pub fn student_up_to_bachelor(s: Schooling) -> bool {
    matches!(
        s,
        Schooling::Compulsory
            | Schooling::HighSchool
            | Schooling::SecondaryVocational
            | Schooling::Undergraduate
    )
}

/// 第九条 and 第十条 applied to one listed person.
pub fn membership(f: Facts) -> Why {
    match f.excluded {
        Some(Exclusion::Conscript) | None => {}
        Some(e) => return Why::Excluded(e),
    }
    if f.relation == Relation::Other {
        return Why::NoDutyOfSupport;
    }
    if f.lives_together || f.relation == Relation::Applicant {
        return Why::LivesTogether;
    }
    match f.relation {
        Relation::Spouse => Why::SpouseAway,
        Relation::Child => match f.age {
            Some(a) if a < 18 => Why::MinorChildAway,
            _ if f.schooling.get().is_some_and(student_up_to_bachelor) => Why::StudentChildAway,
            _ if f.cannot_live_independently.is_true() => Why::DependentChildAway,
            None => Why::ChildAgeUnknownAway,
            Some(_) if f.schooling.is_unknown() || f.cannot_live_independently.is_unknown() => {
                Why::ChildUnknownAway
            }
            Some(_) => Why::AdultChildIndependentAway,
        },
        _ => Why::NotLivingTogether,
    }
}

/// How results and the trace name a person: as the resident named them, otherwise by relation
/// (and age where two share one) — never a bare id (see `names`).
pub fn who(h: &Household, m: &Member) -> Text {
    super::names::name_of(h, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(relation: Relation, age: Option<u8>, schooling: Schooling) -> Facts {
        Facts {
            relation,
            lives_together: false,
            excluded: None,
            age,
            schooling: Fact::Known(schooling),
            cannot_live_independently: Fact::Known(false),
        }
    }

    #[test]
    fn spouse_minor_and_student_children_count_while_away() {
        assert_eq!(
            membership(facts(Relation::Spouse, Some(40), Schooling::None)),
            Why::SpouseAway
        );
        assert_eq!(
            membership(facts(Relation::Child, Some(15), Schooling::Compulsory)),
            Why::MinorChildAway
        );
        assert_eq!(
            membership(facts(Relation::Child, Some(20), Schooling::Undergraduate)),
            Why::StudentChildAway
        );
    }

    #[test]
    fn others_away_are_not_counted() {
        for r in [Relation::Sibling, Relation::Parent, Relation::Grandparent] {
            assert!(!membership(facts(r, Some(30), Schooling::None)).counted());
        }
        assert_eq!(
            membership(facts(Relation::Child, Some(25), Schooling::None)),
            Why::AdultChildIndependentAway
        );
        assert_eq!(
            membership(facts(Relation::Child, Some(24), Schooling::Postgraduate)),
            Why::AdultChildIndependentAway
        );
    }

    /// An adult child living away: not answered whether at school or able to live
    /// independently — either answer could count them, so they are counted for now (as for an
    /// unknown age); answered "not at school, self-caring", they are not.
    #[test]
    fn unanswered_school_or_self_care_of_an_adult_child_away_counts_for_now() {
        let mut f = facts(Relation::Child, Some(25), Schooling::None);
        f.schooling = Fact::Unknown;
        assert_eq!(membership(f), Why::ChildUnknownAway);
        let mut f = facts(Relation::Child, Some(25), Schooling::None);
        f.cannot_live_independently = Fact::Unknown;
        assert_eq!(membership(f), Why::ChildUnknownAway);
        assert!(Why::ChildUnknownAway.counted());
        assert_eq!(
            cannot_live_independently(true, Fact::Unknown),
            Fact::Known(true)
        );
        assert_eq!(
            cannot_live_independently(false, Fact::Known(SelfCare::Full)),
            Fact::Known(false)
        );
    }

    #[test]
    fn exclusions_apply_to_the_spouse_too() {
        let mut f = facts(Relation::Spouse, Some(40), Schooling::None);
        f.excluded = Some(Exclusion::Prison);
        assert_eq!(membership(f), Why::Excluded(Exclusion::Prison));
    }
}
