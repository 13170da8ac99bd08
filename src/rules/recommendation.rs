//! One path first (rules-decisions "One path first, nothing hidden"): where schemes exclude each
//! other, the result recommends **one path** with its amount and lists the other paths below it,
//! each saying why it comes second and that the two are not received together. The township
//! decides; the recommendation only orders what the statuses already say.
//!
//! What excludes what, for the same person:
//! - 特困 and 低保: 特困人员认定办法（民发〔2021〕43号）— a person supported as 特困 is not also
//!   paid 低保 (特困与低保不重复享受);
//! - 低保 and 低保边缘家庭: an edge household is one that "does not qualify for dibao or tekun"
//!   and has income below 1.5× the standard (民政部、财政部 2020年7月通知);
//! - 参照“单人户” and whole-household 低保: the carve-out is for members of an edge household; a
//!   household that qualifies as a whole is enrolled whole (楚民发〔2023〕5号 一（一）、一（二）);
//!   the carved-out member is 低保, the rest of the household stays an edge household;
//! - 刚性支出困难家庭: only for households that are not 低保, 特困 or edge (刚性支出困难家庭认定办法);
//! - the 低保渐退期 continues a household's 低保: it is not a second 低保.
//!
//! 临时救助 excludes nothing: it is listed `in_addition` (or is the path itself when nothing else
//! may apply).
//!
//! Order: a `likely` path before a `possible` one; at equal status 特困 (the stricter test, and
//! the support the rules give whoever meets it) before 低保, then the 渐退期, the carve-out, edge,
//! rigid expense. A household where only some members may be 特困 gets the path "those members
//! 特困, the others 低保 reassessed without them" (amount for the others not estimated: their
//! income and head count change).

use super::date::Date;
use super::household::Household;
use super::money::{fen, yuan_en, yuan_zh};
use super::names::names;
use super::outcome::{Reason, SchemeId, SchemeResult, Source, Status, Text, Unit};
use super::sources;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The recommendation of a result (`recommendation` in the result JSON; docs/schema.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// One sentence: the recommended path with its amount, then the first alternative.
    pub summary: Text,
    /// The recommended path: the schemes received together, each for different members.
    /// Empty when no scheme is likely or possible.
    pub recommended: Vec<PathPart>,
    /// Other paths, best first; each is received instead of the recommended path, not with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// Received on top of whichever path is taken (临时救助).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_addition: Vec<PathPart>,
}

/// One scheme of a path, for whom, with its amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathPart {
    pub scheme: SchemeId,
    /// The status of this part (the scheme's, or `possible` where it must be reassessed).
    pub status: Status,
    /// Member ids covered (for programs; show `who`).
    pub members: Vec<String>,
    /// The members as the resident named them ("申请人本人", "妻子、子女").
    pub who: Text,
    /// `null` when the scheme pays no regular amount (edge, rigid expense) or it is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// What the part gives where it is not an amount, or why the amount is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An amount: one figure when `low == high`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub low: Decimal,
    pub high: Decimal,
    pub unit: Unit,
    pub approximate: bool,
}

/// A path received instead of the recommended one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    pub parts: Vec<PathPart>,
    /// Why it comes second ("如未被认定为特困…").
    pub why_second: Text,
    /// The rule that says the two are not received together, with its source.
    pub not_together: Reason,
}

/// Short scheme names for sentences.
pub fn short_label(id: SchemeId) -> (&'static str, &'static str) {
    match id {
        SchemeId::Dibao => ("低保", "dibao"),
        SchemeId::DibaoSinglePerson => ("参照单人户低保", "dibao as a one-person household"),
        SchemeId::Tekun => ("特困", "tekun"),
        SchemeId::Edge => ("低保边缘家庭", "edge-household status"),
        SchemeId::RigidExpense => ("刚性支出困难家庭", "essential-expense hardship status"),
        SchemeId::TemporaryRelief => ("临时救助", "temporary assistance"),
        SchemeId::GradualExit => ("低保渐退期", "the dibao phase-out"),
    }
}

/// Order of schemes at equal status.
fn rank(id: SchemeId) -> u8 {
    match id {
        SchemeId::Tekun => 0,
        SchemeId::Dibao => 1,
        SchemeId::GradualExit => 2,
        SchemeId::DibaoSinglePerson => 3,
        SchemeId::Edge => 4,
        SchemeId::RigidExpense => 5,
        SchemeId::TemporaryRelief => 6,
    }
}

fn amount_of(s: &SchemeResult, members_all: bool) -> Option<Amount> {
    let e = s.estimate.as_ref()?;
    if !members_all {
        return None;
    }
    Some(Amount {
        low: e.monthly_low,
        high: e.monthly_high,
        unit: e.unit,
        approximate: e.approximate,
    })
}

fn note_of(id: SchemeId) -> Option<Text> {
    match id {
        SchemeId::Edge => Some(text!(
            "不按月发放救助金；可获医疗救助等专项救助",
            "no monthly allowance; opens medical and other special aid",
        )),
        SchemeId::RigidExpense => Some(text!(
            "不按月发放救助金；可获医疗、教育等专项救助和临时救助，最长12个月",
            "no monthly allowance; opens medical, education and other special aid and temporary assistance, up to 12 months",
        )),
        SchemeId::GradualExit => Some(text!(
            "渐退期内继续领取低保金",
            "the dibao allowance continues during the phase-out",
        )),
        _ => None,
    }
}

/// "全家" for the whole household of two or more, else the members named.
fn who(h: &Household, members: &[String], counted: &[String]) -> Text {
    if counted.len() > 1 && members.len() == counted.len() {
        text!("全家", "the whole household")
    } else {
        names(h, members)
    }
}

fn part(
    h: &Household,
    s: &SchemeResult,
    members: Vec<String>,
    status: Status,
    counted: &[String],
) -> PathPart {
    let all = members.len() == s.members.len();
    PathPart {
        scheme: s.scheme,
        status,
        who: who(h, &members, counted),
        amount: amount_of(s, all),
        note: note_of(s.scheme),
        members,
    }
}

struct Path {
    parts: Vec<PathPart>,
}

impl Path {
    fn lead(&self) -> &PathPart {
        &self.parts[0]
    }
    /// Status first, then the order of schemes; at equal status the phase-out goes after every
    /// other path while "on dibao now?" is unanswered — it applies only to a household already
    /// on dibao, which the resident has not said (docs/reading-the-rules.md, "Tick boxes").
    fn key(&self, on_dibao_unanswered: bool) -> (Status, bool, u8) {
        let lead = self.lead();
        (
            lead.status,
            on_dibao_unanswered && lead.scheme == SchemeId::GradualExit,
            rank(lead.scheme),
        )
    }
}

fn candidates(h: &Household, schemes: &[SchemeResult], counted: &[String]) -> Vec<Path> {
    let get = |id: SchemeId| schemes.iter().find(|s| s.scheme == id);
    let open = |id: SchemeId| get(id).filter(|s| s.status != Status::Unlikely);
    let mut paths = Vec::new();

    // 特困, per person: its members at their (best) status.
    if let Some(t) = open(SchemeId::Tekun) {
        let mut parts = vec![part(h, t, t.members.clone(), t.status, counted)];
        let rest: Vec<String> = counted
            .iter()
            .filter(|m| !t.members.contains(m))
            .cloned()
            .collect();
        if !rest.is_empty() {
            // The others: the best household scheme, reassessed without the 特困 members.
            let other = [SchemeId::Dibao, SchemeId::Edge, SchemeId::RigidExpense]
                .into_iter()
                .filter_map(open)
                .min_by_key(|s| (s.status, rank(s.scheme)));
            if let Some(o) = other {
                let mut p = part(h, o, rest, Status::Possible, counted);
                p.amount = None;
                let who = names(h, &t.members);
                p.note = Some(text!(
                    format!("其余成员按不含{}的收入和人数重新核定", who.zh),
                    format!(
                        "for the others, reassessed on their own income and number without {}",
                        who.en
                    ),
                ));
                parts.push(p);
            }
        }
        paths.push(Path { parts });
    }
    for id in [SchemeId::Dibao, SchemeId::GradualExit] {
        if let Some(s) = open(id) {
            paths.push(Path {
                parts: vec![part(h, s, s.members.clone(), s.status, counted)],
            });
        }
    }
    // The carve-out: those members 低保 on their own, the rest of the household edge.
    if let Some(c) = open(SchemeId::DibaoSinglePerson) {
        let mut parts = vec![part(h, c, c.members.clone(), c.status, counted)];
        if let Some(e) = open(SchemeId::Edge) {
            let rest: Vec<String> = counted
                .iter()
                .filter(|m| !c.members.contains(m))
                .cloned()
                .collect();
            if !rest.is_empty() {
                parts.push(part(h, e, rest, e.status, counted));
            }
        }
        paths.push(Path { parts });
    }
    for id in [SchemeId::Edge, SchemeId::RigidExpense] {
        if let Some(s) = open(id) {
            paths.push(Path {
                parts: vec![part(h, s, s.members.clone(), s.status, counted)],
            });
        }
    }
    let on_dibao_unanswered = h.circumstances.on_dibao.is_unknown();
    super::sort_by_key(&mut paths, |p| p.key(on_dibao_unanswered));
    paths
}

/// The rule that keeps two paths apart (by their leading schemes).
fn not_together(h: &Household, as_of: Date, a: SchemeId, b: SchemeId) -> Reason {
    let cite = |rule: &str| sources::cite_for(&h.region, as_of, rule);
    use SchemeId::*;
    let has = |x: SchemeId| a == x || b == x;
    let (zh, en, source): (&str, &str, Source) = if has(RigidExpense) {
        (
            "刚性支出困难家庭须不属于低保、特困或低保边缘家庭，不同时认定",
            "an essential-expense hardship household must not be dibao, tekun or edge: not recognised together",
            sources::rigid_definition(),
        )
    } else if has(Tekun) && !has(Edge) {
        (
            "特困人员救助供养与低保不重复享受",
            "tekun support and dibao are not received together",
            sources::no_double_benefit(),
        )
    } else if has(GradualExit) {
        (
            "渐退期是低保的延续：期内继续领取低保金，不同时认定为其他类别",
            "the phase-out continues dibao: not received together with another status",
            cite("gradual_exit"),
        )
    } else if has(DibaoSinglePerson) {
        (
            "整户符合低保的，整户纳入低保，不再参照单人户；参照单人户纳入低保的成员不再算作边缘家庭成员",
            "a household that qualifies as a whole is enrolled whole, with no carve-out; a carved-out member is no longer an edge-household member",
            cite("single_person"),
        )
    } else {
        (
            "低保边缘家庭是不符合低保、特困条件的家庭，与低保不同时认定",
            "an edge household is one that does not qualify for dibao or tekun: not recognised together",
            sources::edge_definition(),
        )
    };
    Reason {
        text: text!(zh, en),
        source: Some(source),
    }
}

fn why_second(first: &PathPart, alt: &PathPart) -> Text {
    let (p_zh, p_en) = short_label(first.scheme);
    let (a_zh, a_en) = short_label(alt.scheme);
    let special = match (first.scheme, alt.scheme) {
        (SchemeId::Dibao, SchemeId::Edge) => Some(text!(
            "如核实后家庭人均收入不低于低保标准、但低于边缘家庭标准，可认定为低保边缘家庭",
            "if income per person turns out not below the dibao standard but below the edge line, the household can be an edge household",
        )),
        (_, SchemeId::GradualExit) => Some(text!(
            "如家里现在正在领低保：收入因就业超过低保标准的，可有渐退期，期内继续领取低保金",
            "if the household receives dibao now: where work has lifted income above the standard, a phase-out continues the dibao allowance for a while",
        )),
        (SchemeId::GradualExit, SchemeId::Edge) => Some(text!(
            "渐退期结束后，如家庭人均收入仍低于边缘家庭标准，可认定为低保边缘家庭",
            "after the phase-out, if income per person is still below the edge line, the household can be an edge household",
        )),
        _ => None,
    };
    let base = special.unwrap_or_else(|| {
        text!(
            format!("如未被认定为{p_zh}，可申请{a_zh}"),
            format!("if not recognised for {p_en}, apply for {a_en}"),
        )
    });
    if alt.status > first.status && rank(alt.scheme) < rank(first.scheme) {
        text!(
            format!("{a_zh}还有条件需要核实；如核实后符合，可改为申请{a_zh}"),
            format!(
                "{a_en} has conditions still to check; if they are met, apply for {a_en} instead"
            ),
        )
    } else if alt.status > first.status {
        text!(
            format!("{a_zh}还有条件需要核实，可能性低于{p_zh}；{}", base.zh),
            format!(
                "{a_en} has conditions still to check, so it is less likely than {p_en}; {}",
                base.en
            ),
        )
    } else {
        base
    }
}

fn amount_text(a: &Amount) -> Text {
    let fig = |f: fn(Decimal) -> String| {
        if a.low == a.high {
            f(a.low)
        } else if f(Decimal::ONE).ends_with('元') {
            format!("{}–{}", fen(a.low), f(a.high))
        } else {
            format!("{}–{}", f(a.low), f(a.high))
        }
    };
    // Every amount is an estimate: "about" always.
    let (about_zh, about_en) = ("约", "about ");
    match a.unit {
        Unit::Month => text!(
            format!("{about_zh}每月 {}", fig(yuan_zh)),
            format!("{about_en}{} a month", fig(yuan_en)),
        ),
        Unit::Year => text!(
            format!("{about_zh}每年 {}", fig(yuan_zh)),
            format!("{about_en}{} a year", fig(yuan_en)),
        ),
        Unit::Once if a.low.is_zero() && !a.high.is_zero() => text!(
            format!("一次性，最多约 {}", yuan_zh(a.high)),
            format!("one-off, up to about {}", yuan_en(a.high)),
        ),
        Unit::Once => text!(
            format!("一次性，{about_zh} {}", fig(yuan_zh)),
            format!("one-off, {about_en}{}", fig(yuan_en)),
        ),
    }
}

fn part_text(p: &PathPart) -> Text {
    let (zh, en) = short_label(p.scheme);
    let amount = p.amount.as_ref().map(amount_text);
    match amount {
        Some(a) => text!(
            format!("{zh}（{}），{}", p.who.zh, a.zh),
            format!("{en} ({}), {}", p.who.en, a.en),
        ),
        None => text!(
            format!("{zh}（{}）", p.who.zh),
            format!("{en} ({})", p.who.en),
        ),
    }
}

fn path_text(parts: &[PathPart]) -> Text {
    if !super::outcome::explaining() {
        return Text::EMPTY;
    }
    let all: Vec<Text> = parts.iter().map(part_text).collect();
    Text::new(
        all.iter()
            .map(|t| t.zh.as_ref())
            .collect::<Vec<_>>()
            .join("；"),
        all.iter()
            .map(|t| t.en.as_ref())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// How the summary opens: "最可能：" for a likely path, "可能符合，需核实：" for a possible one.
fn opening(status: Status) -> (String, String) {
    match status {
        Status::Likely => ("最可能：".into(), "Most likely: ".into()),
        _ => (
            "可能符合，需核实：".into(),
            "Possibly, to be checked: ".into(),
        ),
    }
}

/// The recommendation's sentence: the path first, the first alternative, what comes in addition.
fn summary(first: &Path, alternative: Option<&Alternative>, relief: Option<&PathPart>) -> Text {
    let lead = path_text(&first.parts);
    let (mut zh, mut en) = opening(first.lead().status);
    zh.push_str(&lead.zh);
    en.push_str(&lead.en);
    if let Some(a) = alternative {
        let (p_zh, p_en) = short_label(first.lead().scheme);
        let t = path_text(&a.parts);
        let (lead, alt) = (first.lead(), &a.parts[0]);
        if alt.status > lead.status && rank(alt.scheme) < rank(lead.scheme) {
            zh.push_str(&format!("。另一种可能（需核实）：{}", t.zh));
            en.push_str(&format!(". Alternatively (to be checked): {}", t.en));
        } else {
            zh.push_str(&format!("。如未被认定为{p_zh}：{}", t.zh));
            en.push_str(&format!(". If not recognised for {p_en}: {}", t.en));
        }
    }
    if let Some(r) = relief {
        let t = part_text(r);
        zh.push_str(&format!("。另可申请：{}", t.zh));
        en.push_str(&format!(". In addition: {}", t.en));
    }
    Text::new(zh, en)
}

/// The recommendation for a result's schemes. `counted`: the ids of counted members.
pub fn recommend(
    h: &Household,
    as_of: Date,
    schemes: &[SchemeResult],
    counted: &[String],
) -> Recommendation {
    let mut paths = candidates(h, schemes, counted).into_iter();
    let relief = schemes
        .iter()
        .find(|s| s.scheme == SchemeId::TemporaryRelief && s.status != Status::Unlikely)
        .map(|s| part(h, s, s.members.clone(), s.status, counted));
    let Some(first) = paths.next() else {
        return match relief {
            Some(r) => Recommendation {
                summary: {
                    let t = path_text(std::slice::from_ref(&r));
                    let (zh, en) = opening(r.status);
                    text!(zh + &t.zh, en + &t.en)
                },
                recommended: vec![r],
                alternatives: Vec::new(),
                in_addition: Vec::new(),
            },
            None => Recommendation {
                summary: text!(
                    "根据您填写的信息，暂未发现很可能或可能符合的救助；遇到突发困难时可申请临时救助",
                    "From your answers no scheme is likely or possible; if sudden hardship strikes, temporary assistance can be applied for",
                ),
                recommended: Vec::new(),
                alternatives: Vec::new(),
                in_addition: Vec::new(),
            },
        };
    };
    let alternatives: Vec<Alternative> = paths
        .map(|p| Alternative {
            why_second: why_second(first.lead(), p.lead()),
            not_together: not_together(h, as_of, first.lead().scheme, p.lead().scheme),
            parts: p.parts,
        })
        .collect();
    let summary = if super::outcome::explaining() {
        summary(&first, alternatives.first(), relief.as_ref())
    } else {
        Text::EMPTY
    };
    Recommendation {
        summary,
        recommended: first.parts,
        alternatives,
        in_addition: relief.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{evaluate_json, SchemeId, Status};

    #[test]
    fn one_member_tekun_the_others_dibao_reassessed_without_them() {
        // The 80-year-old has no supporter (as answered) and no income: tekun; the 50-year-old
        // is not. The household (250 per person < 700) is dibao as a whole.
        let r = evaluate_json(
            r#"{"region":"530112","residence":"urban","as_of":"2022-11-01","members":[
            {"id":"m1","relation":"applicant","age":80,"obligors":[]},
            {"id":"m2","relation":"child","age":50,"work":"employed",
             "income":[{"type":"wages","amount":500}]}]}"#,
        )
        .unwrap()
        .recommendation;
        let parts: Vec<(SchemeId, Vec<String>, Status)> = r
            .recommended
            .iter()
            .map(|p| (p.scheme, p.members.clone(), p.status))
            .collect();
        assert_eq!(
            parts,
            vec![
                (SchemeId::Tekun, vec!["m1".to_string()], Status::Likely),
                (SchemeId::Dibao, vec!["m2".to_string()], Status::Possible),
            ]
        );
        assert!(r.recommended[1].amount.is_none());
        assert!(r.recommended[1]
            .note
            .as_ref()
            .unwrap()
            .zh
            .contains("申请人本人"));
        assert_eq!(r.alternatives[0].parts[0].scheme, SchemeId::Dibao);
        assert_eq!(r.alternatives[0].parts[0].members.len(), 2);
        assert!(r.summary.zh.contains("子女"), "{}", r.summary.zh);
        assert!(!r.summary.zh.contains("m2"), "{}", r.summary.zh);
    }

    #[test]
    fn the_phase_out_does_not_lead_while_on_dibao_now_is_unanswered() {
        // Chuxiong City 2023: standard 728, edge line 1.5 × 728 = 1092. Business income 1000
        // each: 1000 per person, not below 728 (no dibao), below 1092 (edge; savings not
        // answered: possible). "On dibao now?" unanswered: the phase-out is possible too, but it
        // rests on a premise the resident has not given, so edge leads and the phase-out is the
        // alternative, said with its condition.
        let r = evaluate_json(
            r#"{"region":"532301","residence":"urban","as_of":"2023-10-01","members":[
            {"id":"a","relation":"applicant","age":45,"work":"self_employed",
             "income":[{"type":"business","amount":1000}]},
            {"id":"b","relation":"spouse","age":44,"work":"self_employed",
             "income":[{"type":"business","amount":1000}]}],
            "assets":{"financial":null},
            "circumstances":{"on_dibao":null,"income_rose_from_work":true}}"#,
        )
        .unwrap();
        let status = |id| r.schemes.iter().find(|s| s.scheme == id).unwrap().status;
        assert_eq!(status(SchemeId::Edge), Status::Possible);
        assert_eq!(status(SchemeId::GradualExit), Status::Possible);
        let rec = r.recommendation;
        assert_eq!(rec.recommended[0].scheme, SchemeId::Edge);
        assert_eq!(rec.alternatives[0].parts[0].scheme, SchemeId::GradualExit);
        assert!(
            rec.alternatives[0]
                .why_second
                .zh
                .starts_with("如家里现在正在领低保"),
            "{}",
            rec.alternatives[0].why_second.zh
        );
    }

    #[test]
    fn nothing_likely_or_possible_says_so() {
        let r = evaluate_json(
            r#"{"region":"530112","residence":"urban","as_of":"2022-11-01","members":[
            {"id":"m1","relation":"applicant","age":40,"work":"employed",
             "income":[{"type":"wages","amount":9000}]}]}"#,
        )
        .unwrap()
        .recommendation;
        assert!(r.recommended.is_empty() && r.alternatives.is_empty());
        assert!(r.summary.zh.contains("暂未发现"), "{}", r.summary.zh);
    }

    #[test]
    fn a_possible_path_is_not_called_most_likely() {
        // Income amount unknown: dibao only possible.
        let r = evaluate_json(
            r#"{"region":"530112","residence":"urban","as_of":"2022-11-01","members":[
            {"id":"m1","relation":"applicant","age":40,"work":"employed",
             "income":[{"type":"wages","amount":null}]}]}"#,
        )
        .unwrap()
        .recommendation;
        assert_eq!(r.recommended[0].scheme, SchemeId::Dibao);
        assert!(
            r.summary.zh.starts_with("可能符合，需核实"),
            "{}",
            r.summary.zh
        );
        assert!(r.summary.en.starts_with("Possibly"), "{}", r.summary.en);
    }
}
