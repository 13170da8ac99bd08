//! Who a result is about, in words: the member's relation and age from the household the user
//! entered (`申请人，45岁`), with the name the resident gave them (`奶奶（申请人，78岁）`) — never
//! the member's id, which is a key for programs.

use crate::i18n::{t, tf, Lang};
use crate::rules::household::Relation;
use crate::rules::Household;

/// `申请人（45岁）` / `applicant (45)`; `奶奶（申请人，78岁）` when the resident named them.
pub fn member_label(h: &Household, id: &str, lang: Lang) -> String {
    let Some(m) = h.members.iter().find(|m| m.id == id) else {
        return t(lang, "result.member.unknown").to_string();
    };
    let relation = relation_label(m.relation, lang);
    let age = m.age.get().map(|a| a.to_string());
    let name = m.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let id = name.unwrap_or_default();
    match (name.is_none(), age) {
        (true, Some(age)) => tf(
            lang,
            "result.member.relation_age",
            &[("relation", relation), ("age", &age)],
        ),
        (true, None) => relation.to_string(),
        (false, Some(age)) => tf(
            lang,
            "result.member.named_age",
            &[("id", id), ("relation", relation), ("age", &age)],
        ),
        (false, None) => tf(
            lang,
            "result.member.named",
            &[("id", id), ("relation", relation)],
        ),
    }
}

/// Several members, joined as the language lists them (`、` / `, `).
pub fn member_list(h: &Household, ids: &[String], lang: Lang) -> String {
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    };
    ids.iter()
        .map(|id| member_label(h, id, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

pub fn relation_label(r: Relation, lang: Lang) -> &'static str {
    match r {
        Relation::Applicant => t(lang, "result.relation.applicant"),
        Relation::Spouse => t(lang, "result.relation.spouse"),
        Relation::Child => t(lang, "result.relation.child"),
        Relation::Parent => t(lang, "result.relation.parent"),
        Relation::Grandparent => t(lang, "result.relation.grandparent"),
        Relation::Grandchild => t(lang, "result.relation.grandchild"),
        Relation::Sibling => t(lang, "result.relation.sibling"),
        Relation::ChildInLaw => t(lang, "result.relation.child_in_law"),
        Relation::Other => t(lang, "result.relation.other"),
    }
}
