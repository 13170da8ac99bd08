//! Words for the engine's answer values, in the current language (message catalogue keys).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::answers::{Living, Supporters};
use crate::i18n::{t, Lang};
use crate::rules::household::{
    DisabilityKind, IncomeKind, Payer, PayerIncomeBand, Relation, Schooling, SelfCare, SuddenEvent,
    Work,
};

/// The snake_case code of an engine enum value (its JSON form).
pub fn code<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// An engine enum value from its code.
pub fn parse<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

pub const RELATIONS: [Relation; 9] = [
    Relation::Applicant,
    Relation::Spouse,
    Relation::Child,
    Relation::Parent,
    Relation::Grandparent,
    Relation::Grandchild,
    Relation::Sibling,
    Relation::ChildInLaw,
    Relation::Other,
];

pub fn relation(lang: Lang, r: Relation) -> &'static str {
    match r {
        Relation::Applicant => t(lang, "rel.applicant"),
        Relation::Spouse => t(lang, "rel.spouse"),
        Relation::Child => t(lang, "rel.child"),
        Relation::Parent => t(lang, "rel.parent"),
        Relation::Grandparent => t(lang, "rel.grandparent"),
        Relation::Grandchild => t(lang, "rel.grandchild"),
        Relation::Sibling => t(lang, "rel.sibling"),
        Relation::ChildInLaw => t(lang, "rel.child_in_law"),
        Relation::Other => t(lang, "rel.other"),
    }
}

pub fn living(lang: Lang, l: Living) -> &'static str {
    match l {
        Living::Together => t(lang, "live.together"),
        Living::Apart => t(lang, "live.apart"),
        Living::Prison => t(lang, "live.prison"),
        Living::CompulsoryRehab => t(lang, "live.rehab"),
        Living::ReligiousAway3Years => t(lang, "live.religious"),
        Living::DeclaredMissing => t(lang, "live.missing"),
    }
}

pub const DISABILITY_KINDS: [DisabilityKind; 7] = [
    DisabilityKind::Physical,
    DisabilityKind::Intellectual,
    DisabilityKind::Mental,
    DisabilityKind::Visual,
    DisabilityKind::Hearing,
    DisabilityKind::Speech,
    DisabilityKind::Multiple,
];

pub fn disability(lang: Lang, k: DisabilityKind) -> &'static str {
    match k {
        DisabilityKind::Physical => t(lang, "dis.physical"),
        DisabilityKind::Intellectual => t(lang, "dis.intellectual"),
        DisabilityKind::Mental => t(lang, "dis.mental"),
        DisabilityKind::Visual => t(lang, "dis.visual"),
        DisabilityKind::Hearing => t(lang, "dis.hearing"),
        DisabilityKind::Speech => t(lang, "dis.speech"),
        DisabilityKind::Multiple => t(lang, "dis.multiple"),
    }
}

pub const SELF_CARE: [SelfCare; 3] = [SelfCare::Full, SelfCare::Partial, SelfCare::None];

pub fn self_care(lang: Lang, s: SelfCare) -> &'static str {
    match s {
        SelfCare::Full => t(lang, "care.full"),
        SelfCare::Partial => t(lang, "care.partial"),
        SelfCare::None => t(lang, "care.none"),
    }
}

pub const SCHOOLING: [Schooling; 7] = [
    Schooling::None,
    Schooling::Preschool,
    Schooling::Compulsory,
    Schooling::HighSchool,
    Schooling::SecondaryVocational,
    Schooling::Undergraduate,
    Schooling::Postgraduate,
];

pub fn schooling(lang: Lang, s: Schooling) -> &'static str {
    match s {
        Schooling::None => t(lang, "school.none"),
        Schooling::Preschool => t(lang, "school.preschool"),
        Schooling::Compulsory => t(lang, "school.compulsory"),
        Schooling::HighSchool => t(lang, "school.high"),
        Schooling::SecondaryVocational => t(lang, "school.vocational"),
        Schooling::Undergraduate => t(lang, "school.undergraduate"),
        Schooling::Postgraduate => t(lang, "school.postgraduate"),
    }
}

pub const WORK: [Work; 6] = [
    Work::NotWorking,
    Work::Employed,
    Work::SelfEmployed,
    Work::Farming,
    Work::Unemployed,
    Work::Retired,
];

pub fn work(lang: Lang, w: Work) -> &'static str {
    match w {
        Work::NotWorking => t(lang, "work.not_working"),
        Work::Employed => t(lang, "work.employed"),
        Work::SelfEmployed => t(lang, "work.self_employed"),
        Work::Farming => t(lang, "work.farming"),
        Work::Unemployed => t(lang, "work.unemployed"),
        Work::Retired => t(lang, "work.retired"),
    }
}

pub fn supporters(lang: Lang, s: Supporters) -> &'static str {
    match s {
        Supporters::Unknown => t(lang, "sup.unknown"),
        Supporters::None => t(lang, "sup.none"),
        Supporters::Able => t(lang, "sup.able"),
        Supporters::Tekun => t(lang, "sup.tekun"),
        Supporters::Dibao60 => t(lang, "sup.dibao60"),
        Supporters::Old70LowIncome => t(lang, "sup.old70"),
        Supporters::SevereDisabilityLowIncome => t(lang, "sup.severe"),
        Supporters::Incapacitated => t(lang, "sup.incapacitated"),
    }
}

/// Counted incomes, in the order of the choice list.
pub const COUNTED_INCOME: [IncomeKind; 9] = [
    IncomeKind::Wages,
    IncomeKind::Business,
    IncomeKind::Farming,
    IncomeKind::Property,
    IncomeKind::Pension,
    IncomeKind::Support,
    IncomeKind::OtherTransfer,
    IncomeKind::ResidentBasicPension,
    IncomeKind::OldAgeAllowance,
];

/// Incomes the national rules never count (shown named, as excluded).
pub const EXCLUDED_INCOME: [IncomeKind; 5] = [
    IncomeKind::PreferentialCare,
    IncomeKind::FamilyPlanning,
    IncomeKind::Scholarship,
    IncomeKind::BraveryAward,
    IncomeKind::Assistance,
];

pub fn income(lang: Lang, k: IncomeKind) -> &'static str {
    match k {
        IncomeKind::Wages => t(lang, "inc.wages"),
        IncomeKind::Business => t(lang, "inc.business"),
        IncomeKind::Farming => t(lang, "inc.farming"),
        IncomeKind::Property => t(lang, "inc.property"),
        IncomeKind::Pension => t(lang, "inc.pension"),
        IncomeKind::Support => t(lang, "inc.support"),
        IncomeKind::OtherTransfer => t(lang, "inc.other_transfer"),
        IncomeKind::ResidentBasicPension => t(lang, "inc.basic_pension"),
        IncomeKind::OldAgeAllowance => t(lang, "inc.old_age_allowance"),
        IncomeKind::PreferentialCare => t(lang, "inc.preferential_care"),
        IncomeKind::FamilyPlanning => t(lang, "inc.family_planning"),
        IncomeKind::Scholarship => t(lang, "inc.scholarship"),
        IncomeKind::BraveryAward => t(lang, "inc.bravery_award"),
        IncomeKind::Assistance => t(lang, "inc.assistance"),
    }
}

pub fn payer(lang: Lang, p: Payer) -> &'static str {
    match p {
        Payer::Sibling => t(lang, "payer.sibling"),
        Payer::Elder60Plus => t(lang, "payer.elder"),
        Payer::Other => t(lang, "payer.other"),
    }
}

pub fn band(lang: Lang, b: PayerIncomeBand) -> &'static str {
    match b {
        PayerIncomeBand::Below1x => t(lang, "band.below1x"),
        PayerIncomeBand::From1xTo2x => t(lang, "band.1x2x"),
        PayerIncomeBand::From2x => t(lang, "band.2x"),
    }
}

pub const EVENTS: [SuddenEvent; 5] = [
    SuddenEvent::Fire,
    SuddenEvent::Accident,
    SuddenEvent::SeriousIllness,
    SuddenEvent::Disaster,
    SuddenEvent::Other,
];

pub fn event(lang: Lang, e: SuddenEvent) -> &'static str {
    match e {
        SuddenEvent::Fire => t(lang, "event.fire"),
        SuddenEvent::Accident => t(lang, "event.accident"),
        SuddenEvent::SeriousIllness => t(lang, "event.illness"),
        SuddenEvent::Disaster => t(lang, "event.disaster"),
        SuddenEvent::Other => t(lang, "event.other"),
    }
}
