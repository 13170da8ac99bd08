//! Step: Income, per member, by type, monthly or yearly. Incomes that do not count (优抚金, 奖学金 …)
//! can be entered too: they are named and shown as excluded, so nobody wonders whether they were
//! forgotten.

use yew::prelude::*;

use crate::i18n::t;

use super::labels::{self, code, parse};
use super::members::member_title;
use super::ScreenProps;
use crate::answers::{asks_payer, asks_payer_band, income_not_counted, Answers, IncomeAnswer};
use crate::i18n::{tf, Lang};
use crate::rules::household::{IncomeKind, Payer, PayerIncomeBand, Period};
use crate::ui::fields::{choices, use_ui, Choices, NumberField, Radios, SelectField};

fn period_code(p: Period) -> &'static str {
    match p {
        Period::Month => "month",
        Period::Year => "year",
    }
}

fn period_of(s: &str) -> Period {
    if s == "year" {
        Period::Year
    } else {
        Period::Month
    }
}

/// 按月 / 按年.
pub fn period_choices(lang: Lang) -> Choices {
    choices([
        ("month", crate::i18n::t(lang, "period.month")),
        ("year", crate::i18n::t(lang, "period.year")),
    ])
}

pub fn period_radios(
    p: &ScreenProps,
    lang: Lang,
    field: String,
    value: Period,
    set: Callback<Period>,
) -> Html {
    let _ = p;
    html! {
        <Radios field={field} legend={crate::i18n::t(lang, "period.legend")}
            choices={period_choices(lang)} value={period_code(value)}
            on_change={set.reform(|v: String| period_of(&v))} />
    }
}

#[component]
pub fn Income(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let excluded: Vec<&str> = labels::EXCLUDED_INCOME
        .iter()
        .map(|k| labels::income(lang, *k))
        .collect();
    html! {
        <>
            <p class="lead">{ t(ui.lang, "income.lead") }</p>
            <p class="note" data-testid="excluded-incomes">
                { tf(lang, "income.excluded_list", &[("list", &excluded.join(lang.pick("、", ", ")))]) }
            </p>
            { for p.answers.members.iter().enumerate().map(|(i, m)| {
                let title = member_title(lang, m);
                if !m.is_counted() {
                    return html! {
                        <section class="member card" key={m.id.clone()}>
                            <h3>{ title }</h3>
                            <p class="note">{ t(ui.lang, "income.not_counted_member") }</p>
                        </section>
                    };
                }
                let add = p.act(move |a: &mut Answers| {
                    if let Some(m) = a.members.get_mut(i) {
                        if m.income.len() < 20 {
                            m.income.push(IncomeAnswer::default());
                        }
                    }
                });
                html! {
                    <section class="member card" key={m.id.clone()} data-member={i.to_string()}>
                        <h3>{ title.clone() }</h3>
                        if m.income.is_empty() {
                            <p class="note">{ t(ui.lang, "income.none_yet") }</p>
                        }
                        { for m.income.iter().enumerate().map(|(j, item)| income_item(p, lang, i, j, item, &title)) }
                        <button type="button" class="secondary" onclick={add} data-testid="add-income"
                            aria-label={tf(lang, "income.add_for", &[("who", &title)])}>
                            { t(ui.lang, "income.add") }
                        </button>
                    </section>
                }
            }) }
        </>
    }
}

fn income_item(
    p: &ScreenProps,
    lang: Lang,
    i: usize,
    j: usize,
    item: &IncomeAnswer,
    who: &str,
) -> Html {
    let base = format!("members[{i}].income[{j}]");
    let counted: Choices = labels::COUNTED_INCOME
        .iter()
        .map(|k| (code(k).into(), labels::income(lang, *k).into()))
        .collect();
    let excluded: Choices = labels::EXCLUDED_INCOME
        .iter()
        .map(|k| (code(k).into(), labels::income(lang, *k).into()))
        .collect();
    let mut payers = choices([("", t(lang, "ans.unknown"))]);
    payers.extend(
        [Payer::Sibling, Payer::Elder60Plus, Payer::Other]
            .iter()
            .map(|x| {
                (
                    AttrValue::from(code(x)),
                    AttrValue::from(labels::payer(lang, *x)),
                )
            }),
    );
    let mut bands = choices([("", t(lang, "ans.unknown"))]);
    bands.extend(
        [
            PayerIncomeBand::Below1x,
            PayerIncomeBand::From1xTo2x,
            PayerIncomeBand::From2x,
        ]
        .iter()
        .map(|x| {
            (
                AttrValue::from(code(x)),
                AttrValue::from(labels::band(lang, *x)),
            )
        }),
    );
    let remove = p.act(move |a: &mut Answers| {
        if let Some(m) = a.members.get_mut(i) {
            if j < m.income.len() {
                m.income.remove(j);
            }
        }
    });
    // "第1笔收入": how the item is named where its type is still to choose (the live bar, the
    // result) and in the remove button while it has no type.
    let title = tf(lang, "income.item_title", &[("n", &(j + 1).to_string())]);
    let kind_label = item.kind.map(|k| labels::income(lang, k));
    html! {
        <div class="income-item subgroup" data-income={format!("{i}-{j}")}>
            <h4 class="income-title">{ title.clone() }</h4>
            <SelectField field={format!("{base}.type")} label={t(lang, "income.type")}
                choices={counted}
                groups={vec![(AttrValue::from(t(lang, "income.group_excluded")), excluded)]}
                value={item.kind.map(|k| code(&k)).unwrap_or_default()}
                placeholder={Some(AttrValue::from(t(lang, "ans.choose")))}
                on_change={p.set(move |a, v: String| if let (Some(x), Some(k)) = (item_at(a, i, j), parse::<IncomeKind>(&v)) { x.kind = Some(k) })} />
            if item.kind.is_some_and(income_not_counted) {
                <p class="note excluded" data-testid="income-excluded">
                    <span class="icon" aria-hidden="true">{"⊘"}</span>
                    { tf(lang, "income.excluded_item", &[("kind", kind_label.unwrap_or_default())]) }
                </p>
            }
            <NumberField field={format!("{base}.amount")} label={t(lang, "income.amount")} unit={t(lang, "unit.yuan")}
                value={item.amount.clone()} error={p.error(lang, &format!("{base}.amount"))}
                on_change={p.set(move |a, v: String| if let Some(x) = item_at(a, i, j) { x.amount = v; x.per_month_confirmed = false })} />
            { period_radios(p, lang, format!("{base}.period"), item.period,
                p.set(move |a, v: Period| if let Some(x) = item_at(a, i, j) { x.period = v })) }
            if p.answers.sense_checks().iter().any(|c| c.member == i && c.item == j) {
                { sense_check(p, lang, i, j, item, kind_label.unwrap_or_default()) }
            }
            if asks_payer(item) {
                <SelectField field={format!("{base}.payer")} label={t(lang, "income.payer")}
                    choices={payers} value={item.payer.map(|x| code(&x)).unwrap_or_default()}
                    on_change={p.set(move |a, v: String| if let Some(x) = item_at(a, i, j) { x.payer = parse(&v) })} />
            }
            if asks_payer_band(item) {
                <Radios field={format!("{base}.payer_income")} legend={t(lang, "income.band")}
                    choices={bands} value={item.band.map(|x| code(&x)).unwrap_or_default()}
                    on_change={p.set(move |a, v: String| if let Some(x) = item_at(a, i, j) { x.band = parse(&v) })} />
            }
            <button type="button" class="secondary danger" onclick={remove}
                aria-label={tf(lang, "income.remove_what", &[("kind", kind_label.unwrap_or(&title)), ("who", who)])}>
                { t(lang, "income.remove") }
            </button>
        </div>
    }
}

/// "是每年的收入吗？": a monthly amount that looks yearly, with a one-tap fix either way. It
/// asks; the result is worked out with the amount as entered until the resident answers.
fn sense_check(
    p: &ScreenProps,
    lang: Lang,
    i: usize,
    j: usize,
    item: &IncomeAnswer,
    kind: &str,
) -> Html {
    let yearly = p.act(move |a: &mut Answers| {
        if let Some(x) = item_at(a, i, j) {
            x.period = Period::Year;
        }
    });
    let monthly = p.act(move |a: &mut Answers| {
        if let Some(x) = item_at(a, i, j) {
            x.per_month_confirmed = true;
        }
    });
    let amount = item.amount.trim();
    html! {
        <div class="sense-check" role="group" aria-label={t(lang, "sense.yearly_q")} data-testid="sense-check">
            <p><span class="icon" aria-hidden="true">{"？"}</span>
                { tf(lang, "sense.yearly", &[("amount", amount), ("kind", kind)]) }</p>
            <button type="button" class="primary" onclick={yearly} data-testid="sense-yearly">
                { t(lang, "sense.yearly_fix") }
            </button>
            <button type="button" class="secondary" onclick={monthly} data-testid="sense-monthly">
                { t(lang, "sense.monthly_keep") }
            </button>
        </div>
    }
}

fn item_at(a: &mut Answers, i: usize, j: usize) -> Option<&mut IncomeAnswer> {
    a.members.get_mut(i).and_then(|m| m.income.get_mut(j))
}
