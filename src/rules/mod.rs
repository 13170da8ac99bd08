//! # The jiuzhu rules engine (救助规则引擎)
//!
//! Pure Rust, no web dependencies, no floats: money is `rust_decimal`. Given a household
//! ([`Household`], the JSON contract in `docs/schema.md`) it says, per scheme, whether the
//! household likely / possibly / unlikely qualifies, why (each reason with its source), how far
//! it is from the line, the estimated amount, whom it covers, what it unlocks, and which path to
//! take first where schemes exclude each other.
//!
//! | module | policy concept |
//! |---|---|
//! | [`household`] | the answers given |
//! | [`membership`] | 共同生活的家庭成员: who counts (第九条) |
//! | [`params`] | dated regional standards (data in `data/`) |
//! | [`resolved`] | the standards in force for one household: every parameter resolved once, a field each |
//! | [`income`] | 家庭收入: counted, not counted, deductions, support-payment exemptions |
//! | [`property`] | 家庭财产 tests |
//! | [`schemes`] | 低保, 单人户, 特困, 边缘, 刚性支出, 临时救助, 渐退 — one module each |
//! | [`recommendation`] | one path first: 特困与低保不重复享受 and the other exclusions, as one recommended path with alternatives |
//! | [`names`] | people named as the resident named them (妻子, 爷爷) or by relation, never by id |
//! | [`validate`] | bad input → one clear message naming the field |
//!
//! ```
//! let json = r#"{"region":"530112","residence":"urban","as_of":"2022-11-01",
//!   "members":[{"id":"m1","relation":"applicant","age":45,
//!     "income":[{"type":"wages","amount":600}]}]}"#;
//! let result = jiuzhu::rules::evaluate_json(json).unwrap();
//! let dibao = result.scheme(jiuzhu::rules::SchemeId::Dibao);
//! assert_eq!(dibao.status, jiuzhu::rules::Status::Likely); // 600 < 700 (西山区 2022)
//! ```

/// `text!(zh, en)`: a [`Text`], formatted only when explanations are wanted.
#[macro_export]
macro_rules! text {
    ($zh:expr, $en:expr $(,)?) => {
        if $crate::rules::outcome::explaining() {
            $crate::rules::outcome::Text::new($zh, $en)
        } else {
            $crate::rules::outcome::Text::EMPTY
        }
    };
}

pub mod context;
pub mod date;
pub mod divisions;
pub mod fact;
pub mod household;
pub mod income;
pub mod json_input;
pub mod lines;
pub mod membership;
pub mod money;
pub mod names;
pub mod next_steps;
pub mod outcome;
mod packed;
pub mod params;
pub mod property;
pub mod recommendation;
pub mod resolved;
pub mod samples;
pub mod schemes;
pub mod sources;
pub mod validate;

pub use date::Date;
pub use household::Household;
pub use outcome::{Evaluation, SchemeId, SchemeResult, Status, Text};
pub use validate::InputError;

use context::Ctx;
use money::{fen, Tri, TWELVE};
use outcome::{Estimate, PersonResult, Reason, SchemeResult as Sr, Status as St};
use rust_decimal::Decimal;
use schemes::{status_of, unlocks::unlocks};

/// The rules version shown on every result.
pub const RULES_VERSION: &str = concat!("jiuzhu-rules ", env!("CARGO_PKG_VERSION"));

/// Parses, validates and evaluates one household document.
pub fn evaluate_json(json: &str) -> Result<Evaluation, InputError> {
    let h = validate::parse(json)?;
    evaluate(&h)
}

/// Statuses and figures only, without explanations, trace, parameter list, member names or
/// what each status opens up: the fast path for batch screening. Statuses, members, amounts and
/// the recommended schemes are identical to [`evaluate_on`]'s.
pub fn evaluate_quiet(h: &Household, today: Date) -> Result<Evaluation, InputError> {
    let _quiet = outcome::QuietGuard::new();
    evaluate_on(h, today)
}

/// Validates and evaluates a household; `as_of` defaults to today (China Standard Time).
pub fn evaluate(h: &Household) -> Result<Evaluation, InputError> {
    evaluate_on(h, Date::today())
}

/// As [`evaluate`], with the date used when the household gives none.
pub fn evaluate_on(h: &Household, today: Date) -> Result<Evaluation, InputError> {
    let overrides = validate::check(h)?;
    let as_of = h.as_of.unwrap_or(today);
    validate::check_in_force(&overrides, as_of)?;
    validate::check_relations(&overrides, &h.region, as_of)?;
    let p = resolved::ResolvedParams::new(&h.region, as_of, overrides.values, overrides.provenance)
        .ok_or_else(|| InputError::new("region", "未知地区代码", "unknown region code"))?;
    let ctx = Ctx::new(h, resolved::HouseholdParams::new(p), as_of);
    if ctx.counted.is_empty() {
        return Err(InputError::new(
            "members",
            "没有计入的家庭成员（所有人都被排除或不共同居住）",
            "no counted household members (everyone is excluded or lives elsewhere)",
        ));
    }
    Ok(run(&ctx))
}

/// The scheme's estimate for a household: one person's amount, or the amounts of everyone
/// covered added up (each person is paid separately). Approximate when any amount is, or when
/// someone covered has no amount yet (their income is not known).
fn covered_total<'a>(
    h: &Household,
    covered: impl Iterator<Item = &'a PersonResult>,
) -> Option<Estimate> {
    let covered: Vec<&PersonResult> = covered.collect();
    let known: Vec<&Estimate> = covered.iter().filter_map(|p| p.estimate.as_ref()).collect();
    match known.as_slice() {
        [] => None,
        [one] if covered.len() == 1 => Some((*one).clone()),
        _ => {
            let missing = covered.len() - known.len();
            let low: Decimal = known.iter().map(|e| e.monthly_low).sum();
            let high: Decimal = known.iter().map(|e| e.monthly_high).sum();
            let ids: Vec<&str> = covered
                .iter()
                .filter(|p| p.estimate.is_some())
                .map(|p| p.member.as_str())
                .collect();
            let who = names::names(h, &ids);
            Some(Estimate {
                monthly_low: low,
                monthly_high: high,
                approximate: missing > 0 || known.iter().any(|e| e.approximate),
                unit: crate::rules::outcome::Unit::Month,
                basis: if missing > 0 {
                    text!(
                        format!("{} 每人的金额相加；另有 {} 人收入不清楚，金额未计入", who.zh, missing),
                        format!("the amounts of {} added up; {} more whose income is unknown not included", who.en, missing),
                    )
                } else {
                    text!(
                        format!("{} 每人的金额相加", who.zh),
                        format!("the amounts of {} added up", who.en),
                    )
                },
            })
        }
    }
}

fn person_scheme(
    ctx: &Ctx,
    id: SchemeId,
    people: Vec<PersonResult>,
    none_text: Text,
    extra: Vec<Reason>,
) -> Sr {
    let best = people
        .iter()
        .map(|p| p.status)
        .min()
        .unwrap_or(St::Unlikely);
    let members: Vec<String> = people
        .iter()
        .filter(|p| p.status == best && best != St::Unlikely)
        .map(|p| p.member.clone())
        .collect();
    // The person whose reasons stand for the scheme: of those with the best status, the one with
    // the smallest id — never the order the members were listed in, which must not matter.
    let lead = people
        .iter()
        .filter(|p| p.status == best)
        .min_by(|a, b| a.member.cmp(&b.member));
    let h = ctx.h;
    let who = names::names(h, &members);
    let summary = match lead {
        Some(p) if best != St::Unlikely => text!(
            format!(
                "{}：{}",
                who.zh,
                p.reasons
                    .iter()
                    .map(|r| r.text.zh.clone())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
            format!(
                "{}: {}",
                who.en,
                p.reasons
                    .iter()
                    .map(|r| r.text.en.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
        _ => none_text,
    };
    let to_check = if best == St::Possible {
        lead.map(|p| p.to_check.clone()).unwrap_or_default()
    } else {
        Vec::new()
    };
    let estimate = if best != St::Unlikely {
        covered_total(h, people.iter().filter(|p| p.status == best))
    } else {
        None
    };
    let mut reasons = extra;
    if let Some(p) = lead {
        for r in &p.reasons {
            // The household tests are also each person's: one line each.
            if !reasons.contains(r) {
                reasons.push(r.clone());
            }
        }
    }
    let unlocks = if best != St::Unlikely {
        unlocks(ctx, id, &members, false)
    } else {
        Vec::new()
    };
    Sr {
        scheme: id,
        status: best,
        members,
        summary,
        reasons,
        to_check,
        distance: None,
        estimate,
        people,
        unlocks,
    }
}

/// The trace lines of the household's income: each item, each deduction, and the total per
/// person.
fn note_income(ctx: &Ctx, hi: &income::HouseholdIncome, n: Decimal) {
    if !outcome::explaining() {
        return;
    }
    for (t, s) in hi.gross.lines.iter().chain(hi.deductions.lines.iter()) {
        ctx.note(t.clone(), s.clone());
    }
    ctx.note(
        text!(
            format!(
                "家庭月收入（扣减后）{}，{} 人，月人均 {}",
                context::monthly_text(hi.net).zh,
                n,
                context::monthly_text(hi.net.scale(rust_decimal::Decimal::ONE / n)).zh
            ),
            format!(
                "household income after deductions {} a month, {} members, {} per person",
                context::monthly_text(hi.net).en,
                n,
                context::monthly_text(hi.net.scale(rust_decimal::Decimal::ONE / n)).en
            ),
        ),
        Some(sources::dibao_amount()),
    );
}

/// The trace line naming the dibao standard used: the figure, who published or provided it,
/// from when, and (borrowed, replaced by a newer provincial floor, or out of date) what to check.
fn note_standard(ctx: &Ctx, s: &context::Standard) {
    if !outcome::explaining() {
        return;
    }
    let h = ctx.h;
    let r = ctx.params.dibao_standard(h.residence);
    // An override names who provided it instead of the region's data file.
    let by = r.provenance.as_ref().and_then(|p| p.provided_by.clone());
    let (who_zh, who_en) = match (&by, r.region) {
        (Some(b), _) => params::Provenance::who(b),
        (None, Some(x)) => (x.name_zh.clone(), x.name_en.clone()),
        (None, None) => (String::new(), String::new()),
    };
    let from = r
        .override_date
        .or(r.entry.map(|e| e.effective))
        .map(|d| d.to_string())
        .unwrap_or_default();
    ctx.note(
        text!(
            format!(
                "适用低保标准：每人{}（{}，{}起执行）",
                match h.residence {
                    household::Residence::Urban => format!("每月 {}", money::yuan_zh(s.monthly)),
                    household::Residence::Rural => context::per_person_text(h.residence, s.annual)
                        .zh
                        .to_string(),
                },
                who_zh,
                from
            ),
            format!(
                "dibao standard: {} per person ({}, from {})",
                match h.residence {
                    household::Residence::Urban => format!("{} a month", money::yuan_en(s.monthly)),
                    household::Residence::Rural => context::per_person_text(h.residence, s.annual)
                        .en
                        .to_string(),
                },
                who_en,
                from
            ),
        ),
        Some(r.source()),
    );
    // Borrowed, replaced by a newer provincial floor, or out of date: said in the trace.
    if let Some(c) = ctx.standing_check(r) {
        ctx.note(c.text, c.source);
    }
}

/// The household's income lines (dibao, edge, rigid expense), lowest first.
/// Sorts a short list (a household's income lines, its paths) by `key`, keeping the order of
/// equal keys: the same order as `slice::sort_by_key`, without std's general sort, whose code is
/// a few KB of the wasm for lists of at most a dozen items (BENCHMARKS.md, "Embedding").
pub(crate) fn sort_by_key<T, K: Ord>(list: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && key(&list[j - 1]) > key(&list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn income_lines(ctx: &Ctx, std: Option<context::Standard>, n: Decimal) -> Vec<outcome::IncomeLine> {
    let mut income_lines = Vec::new();
    if let Some(s) = std {
        income_lines.push(outcome::IncomeLine {
            scheme: SchemeId::Dibao,
            household_monthly: fen(s.monthly * n),
            firm: s.firm,
            household_yearly: Some(fen(s.annual * n)),
            standing: Some(s.standing),
        });
        let kp = ctx.params.edge_multiple();
        if let Some(k) = kp.number() {
            income_lines.push(outcome::IncomeLine {
                scheme: SchemeId::Edge,
                household_monthly: fen(k * s.monthly * n),
                firm: s.firm && kp.is_firm(),
                household_yearly: Some(fen(k * s.annual * n)),
                standing: Some(if !s.firm { s.standing } else { kp.standing }),
            });
        }
    }
    let di = ctx.params.disposable_income_yearly();
    if let Some(d) = di.number() {
        income_lines.push(outcome::IncomeLine {
            scheme: SchemeId::RigidExpense,
            household_monthly: fen(d * n / TWELVE),
            firm: di.is_firm(),
            household_yearly: Some(fen(d * n)),
            standing: Some(di.standing),
        });
    }
    sort_by_key(&mut income_lines, |l| l.household_monthly);
    income_lines
}

fn run(ctx: &Ctx) -> Evaluation {
    let h = ctx.h;
    context::note_members(ctx);
    let std = ctx.standard();
    let hi = income::household_income(ctx);
    let n = ctx.size();
    note_income(ctx, &hi, n);
    if let Some(s) = &std {
        note_standard(ctx, s);
    }

    // 1. tekun, per person (the household's property test is the same for each).
    let tekun_property = property::verdict(ctx, property::Scheme::Tekun, std);
    let tekun_people: Vec<PersonResult> = ctx
        .counted
        .iter()
        .map(|m| schemes::tekun::evaluate_person(ctx, m, std, &tekun_property))
        .collect();
    let all_tekun = tekun_people
        .iter()
        .map(|p| match p.status {
            St::Likely => Tri::Yes,
            St::Possible => Tri::Maybe,
            St::Unlikely => Tri::No,
        })
        .fold(Tri::Yes, Tri::and);
    // 2. dibao, whole household.
    let dibao = schemes::dibao::evaluate(ctx, &hi, std);
    // 4. edge (needed by the carve-out's property test).
    let edge = schemes::edge::evaluate(ctx, &hi, std, &dibao, (all_tekun, &tekun_people));
    // 3. single-person carve-out.
    let (sp_tri, sp_people, sp_reasons) =
        schemes::single_person::evaluate(ctx, &dibao, &hi, std, &edge.property);
    // 5. rigid expense.
    let rigid = schemes::rigid_expense::evaluate(ctx, &hi, std, dibao.verdict.tri, &edge);
    // 6. temporary relief and gradual exit.
    let relief = schemes::temporary_relief::evaluate(ctx, &hi, std, &edge);
    let (exit, exit_summary) = schemes::gradual_exit::evaluate(ctx, &hi, std);

    let all_ids: Vec<String> = ctx.counted.iter().map(|m| m.id.clone()).collect();
    let whole = |tri: Tri| {
        if tri == Tri::No {
            Vec::new()
        } else {
            all_ids.clone()
        }
    };

    let mut dibao_reasons = dibao.verdict.reasons.clone();
    if dibao.verdict.tri != Tri::No && tekun_people.iter().any(|p| p.status != St::Unlikely) {
        dibao_reasons.push(Reason {
            text: text!("家中有人可能符合特困条件：特困与低保不重复享受，由乡镇（街道）审核确定", "someone may also qualify for tekun: the two are not received together; the township decides"),
            source: Some(sources::no_double_benefit()),
        });
    }
    let mut schemes_out = vec![Sr {
        scheme: SchemeId::Dibao,
        status: dibao.verdict.status(),
        members: whole(dibao.verdict.tri),
        summary: dibao.verdict.summary_or_failure(&dibao.summary),
        reasons: dibao_reasons,
        to_check: dibao.verdict.checks.clone(),
        distance: dibao.distance.clone(),
        estimate: dibao.estimate.clone(),
        people: Vec::new(),
        unlocks: if dibao.verdict.tri != Tri::No {
            unlocks(ctx, SchemeId::Dibao, &all_ids, false)
        } else {
            Vec::new()
        },
    }];
    let _ = sp_tri;
    let sp_none = if dibao.verdict.tri == Tri::Yes {
        text!(
            "整户符合低保条件，无需参照单人户",
            "the whole household qualifies for dibao; no carve-out needed",
        )
    } else if sp_people.is_empty() {
        text!(
            "家中没有持重度残疾证（一、二级，或三级智力、精神残疾）或患重特大疾病的成员，不适用参照“单人户”",
            "no member has a severe disability (level 1–2, or level-3 intellectual or mental) or a serious illness: the one-person carve-out does not apply",
        )
    } else {
        let ids: Vec<&str> = sp_people.iter().map(|p| p.member.as_str()).collect();
        let who = names::names(h, &ids);
        text!(
            format!("{}：参照“单人户”的其他条件未满足（如家庭是否为低保边缘家庭、本人收入是否低于低保标准，见原因）", who.zh),
            format!("{}: the other carve-out conditions are not met (such as the household being an edge household, or own income below the dibao standard; see the reasons)", who.en),
        )
    };
    schemes_out.push(person_scheme(
        ctx,
        SchemeId::DibaoSinglePerson,
        sp_people,
        sp_none,
        sp_reasons,
    ));
    schemes_out.push(person_scheme(
        ctx,
        SchemeId::Tekun,
        tekun_people,
        text!("没有成员同时符合无劳动能力、无生活来源、无赡养抚养扶养能力人三项条件", "no member meets all three tekun conditions (unable to work, no means, no able supporter)"),
        Vec::new(),
    ));
    let carve_out_open = schemes_out
        .iter()
        .any(|s| s.scheme == SchemeId::DibaoSinglePerson && s.status != St::Unlikely);
    schemes_out.push(Sr {
        scheme: SchemeId::Edge,
        status: edge.verdict.status(),
        members: whole(edge.verdict.tri),
        summary: edge.verdict.summary_or_failure(&edge.summary),
        reasons: edge.verdict.reasons.clone(),
        to_check: edge.verdict.checks.clone(),
        distance: edge.distance.clone(),
        estimate: None,
        people: Vec::new(),
        unlocks: if edge.verdict.tri != Tri::No {
            unlocks(ctx, SchemeId::Edge, &all_ids, carve_out_open)
        } else {
            Vec::new()
        },
    });
    for (id, v, summary, estimate) in [
        (SchemeId::RigidExpense, rigid.verdict, rigid.summary, None),
        (
            SchemeId::TemporaryRelief,
            relief.verdict,
            relief.summary,
            relief.estimate,
        ),
        (SchemeId::GradualExit, exit, exit_summary, None),
    ] {
        schemes_out.push(Sr {
            scheme: id,
            status: status_of(v.tri),
            members: whole(v.tri),
            summary: v.summary_or_failure(&summary),
            reasons: v.reasons,
            to_check: v.checks,
            distance: None,
            estimate,
            people: Vec::new(),
            unlocks: if v.tri != Tri::No {
                unlocks(ctx, id, &all_ids, false)
            } else {
                Vec::new()
            },
        });
    }

    let income_lines = income_lines(ctx, std, n);

    let pc_exact = hi.net.exact_value().map(|v| fen(v / TWELVE / n));
    let recommendation = recommendation::recommend(h, ctx.as_of, &schemes_out, &all_ids);
    Evaluation {
        schema: household::SCHEMA_VERSION,
        rules_version: RULES_VERSION.to_string(),
        region: h.region.clone(),
        region_name: ctx.params.region().name(),
        as_of: ctx.as_of,
        residence: h.residence,
        members_counted: all_ids,
        members_excluded: ctx.excluded.clone(),
        household_monthly_income: hi.net.exact_value().map(|v| fen(v / TWELVE)),
        per_capita_monthly_income: pc_exact,
        per_capita_monthly_income_at_least: fen(hi.net.low / TWELVE / n),
        per_capita_monthly_income_at_most: hi.net.high.map(|v| fen(v / TWELVE / n)),
        dibao_standard_monthly: std.map(|s| fen(s.monthly)),
        dibao_standard_yearly: std.map(|s| fen(s.annual)),
        dibao_standard_standing: std.map(|s| s.standing),
        household_yearly_income: hi.net.exact_value().map(fen),
        per_capita_yearly_income: hi.net.exact_value().map(|v| fen(v / n)),
        per_capita_yearly_income_at_least: Some(fen(hi.net.low / n)),
        schemes: schemes_out,
        income_lines,
        trace: if outcome::explaining() { ctx.trace.borrow().clone() } else { Vec::new() },
        parameters: if outcome::explaining() {
            ctx.used_params().iter().map(|r| r.to_use()).collect()
        } else {
            Vec::new()
        },
        recommendation,
        next_steps: if outcome::explaining() {
            next_steps::next_steps(ctx)
        } else {
            next_steps::NextSteps::default()
        },
        disclaimer: text!(
            format!("这是根据您填写的信息所作的估算，不是审核决定；以乡镇（街道）和县级民政部门的审核确认为准。规则版本 {RULES_VERSION}，参数日期 {}。", ctx.as_of),
            format!("This is an estimate from your answers, not a decision; the township and county civil-affairs office decide. Rules {RULES_VERSION}, parameters as of {}.", ctx.as_of),
        ),
    }
}

#[cfg(test)]
mod sort_tests {
    /// The insertion sort gives std's stable order: sorted by key, equal keys in their order.
    #[test]
    fn same_order_as_std_stable_sort() {
        let mut seed = 7u32;
        for len in 0..14 {
            for _ in 0..50 {
                let list: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        ((seed >> 16) as u8 % 4, i)
                    })
                    .collect();
                let (mut ours, mut std) = (list.clone(), list);
                super::sort_by_key(&mut ours, |x| x.0);
                std.sort_by_key(|x| x.0);
                assert_eq!(ours, std);
            }
        }
    }
}
