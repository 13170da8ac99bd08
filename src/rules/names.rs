//! How the result names a person: as the resident named them (妻子, 爷爷 — the member's
//! optional `name`), otherwise by their relation to the applicant (申请人本人, 配偶, 子女 …) —
//! never by the member's `id`, which is a key for programs (`m1`, `grandma`), not a word for
//! residents. Where two members share a relation and neither has a name, the age tells them
//! apart (子女（12岁）), and where that does not, their place in the list (子女（第2位）).
//!
//! Every text of the result that mentions a member goes through [`member_name`] or [`names`].

use super::household::{Household, Member, Relation};
use super::outcome::Text;

/// The relation word: how a person is named when the resident gave no name.
pub fn relation_label(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Applicant => ("申请人本人", "the applicant"),
        Relation::Spouse => ("配偶", "spouse"),
        Relation::Child => ("子女", "child"),
        Relation::Parent => ("父母", "parent"),
        Relation::Grandparent => ("祖父母", "grandparent"),
        Relation::Grandchild => ("孙子女", "grandchild"),
        Relation::Sibling => ("兄弟姐妹", "sibling"),
        Relation::ChildInLaw => ("儿媳或女婿", "son- or daughter-in-law"),
        Relation::Other => ("其他同住人员", "another person living there"),
    }
}

fn named(m: &Member) -> Option<&str> {
    m.name.as_deref().map(str::trim).filter(|n| !n.is_empty())
}

/// The name of one member, in both languages.
pub fn name_of(h: &Household, m: &Member) -> Text {
    if let Some(n) = named(m) {
        return Text::new(n.to_string(), n.to_string());
    }
    let (zh, en) = relation_label(m.relation);
    let same: Vec<&Member> = h
        .members
        .iter()
        .filter(|o| o.relation == m.relation && named(o).is_none())
        .collect();
    if same.len() <= 1 {
        return Text::new(zh, en);
    }
    let age = m.age.get();
    let age_unique = age.is_some() && same.iter().filter(|o| o.age.get() == age).count() == 1;
    match age {
        Some(a) if age_unique => Text::new(format!("{zh}（{a}岁）"), format!("{en} ({a})")),
        _ => {
            let k = same
                .iter()
                .position(|o| std::ptr::eq(*o, m))
                .map(|i| i + 1)
                .unwrap_or(1);
            Text::new(format!("{zh}（第{k}位）"), format!("{en} no. {k}"))
        }
    }
}

/// The name of the member with this id (the id itself only if no such member exists, which
/// the engine never asks for).
pub fn member_name(h: &Household, id: &str) -> Text {
    match h.members.iter().find(|m| m.id == id) {
        Some(m) => name_of(h, m),
        None => Text::new(id.to_string(), id.to_string()),
    }
}

/// Several members named and listed: "配偶、子女" / "spouse, child". Empty when no
/// explanations are wanted (the statuses-only path names no one).
pub fn names<S: AsRef<str>>(h: &Household, ids: &[S]) -> Text {
    if !super::outcome::explaining() {
        return Text::EMPTY;
    }
    let all: Vec<Text> = ids.iter().map(|i| member_name(h, i.as_ref())).collect();
    Text::new(
        all.iter()
            .map(|t| t.zh.as_ref())
            .collect::<Vec<_>>()
            .join("、"),
        all.iter()
            .map(|t| t.en.as_ref())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(json: &str) -> Household {
        crate::rules::validate::parse(json).unwrap()
    }

    #[test]
    fn named_as_typed_else_by_relation_never_by_id() {
        let h = h(
            r#"{"region":"530112","residence":"urban","as_of":"2022-11-01","members":[
            {"id":"m1","relation":"applicant","age":45},
            {"id":"m2","relation":"spouse","age":44,"name":"妻子"},
            {"id":"m3","relation":"child","age":12},
            {"id":"m4","relation":"child","age":9},
            {"id":"m5","relation":"parent","age":70},
            {"id":"m6","relation":"parent","age":70}]}"#,
        );
        assert_eq!(member_name(&h, "m1").zh, "申请人本人");
        assert_eq!(member_name(&h, "m2").zh, "妻子");
        assert_eq!(member_name(&h, "m2").en, "妻子");
        assert_eq!(member_name(&h, "m3").zh, "子女（12岁）");
        assert_eq!(member_name(&h, "m4").en, "child (9)");
        assert_eq!(member_name(&h, "m6").zh, "父母（第2位）");
        assert_eq!(names(&h, &["m1", "m2"]).zh, "申请人本人、妻子");
        assert_eq!(names(&h, &["m1", "m2"]).en, "the applicant, 妻子");
    }
}
