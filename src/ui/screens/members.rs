//! Step: Household members: relation, age, living together (with the national exclusions),
//! disability kind and level, serious illness, bedridden, school, work; and for a person who may
//! be 特困: self-care, legal supporters, institutional care.

use yew::prelude::*;

use crate::i18n::t;

use super::labels::{self, code, parse};
use super::ScreenProps;
use crate::answers::{
    asks_bedridden, asks_living, asks_schooling, asks_supporters, asks_work, Answers, Living,
    MemberAnswers, Supporters, YesNo, NO_DISABILITY,
};
use crate::i18n::{tf, Lang};
use crate::rules::household::Relation;
use crate::rules::validate::MAX_MEMBERS;
use crate::ui::fields::{
    choices, use_ui, yes_no_unknown, CheckField, Choices, NumberField, Radios, SelectField,
    TextField,
};

/// "申请人（本人）" or "奶奶（父母）": how the form names a member.
pub fn member_title(lang: Lang, m: &MemberAnswers) -> String {
    let rel = match m.relation {
        Some(r) => labels::relation(lang, r),
        None => t(lang, "members.relation_unanswered"),
    };
    if m.name.trim().is_empty() {
        rel.to_string()
    } else {
        format!("{}（{rel}）", m.name.trim())
    }
}

fn f(i: usize, name: &str) -> String {
    format!("members[{i}].{name}")
}

#[component]
pub fn Members(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let a = &p.answers;
    let add = p.act(|a: &mut Answers| {
        if a.members.len() < MAX_MEMBERS {
            let id = a.new_member_id();
            // The relation of anyone added after the applicant starts unanswered.
            let mut m = MemberAnswers::new(&id, Relation::Applicant);
            if a.members
                .iter()
                .any(|m| m.relation == Some(Relation::Applicant))
            {
                m.relation = None;
            }
            a.members.push(m);
        }
    });
    html! {
        <>
            <p class="lead">{ t(ui.lang, "members.lead") }</p>
            if let Some(e) = p.error(lang, "members") {
                <p class="field-error" role="alert" data-testid="field-error">
                    <span class="icon" aria-hidden="true">{"⚠"}</span>{ e }
                </p>
            }
            { for a.members.iter().enumerate().map(|(i, m)| member(p, lang, i, m)) }
            <p>
                <button type="button" class="secondary" onclick={add}
                    disabled={a.members.len() >= MAX_MEMBERS} data-testid="add-member">
                    { t(ui.lang, "members.add") }
                </button>
            </p>
        </>
    }
}

fn member(p: &ScreenProps, lang: Lang, i: usize, m: &MemberAnswers) -> Html {
    let relation_choices: Choices = labels::RELATIONS
        .iter()
        .map(|r| (code(r).into(), labels::relation(lang, *r).into()))
        .collect();
    let living_choices: Choices = Living::ALL
        .iter()
        .map(|l| (l.code().into(), labels::living(lang, *l).into()))
        .collect();
    let mut disability_choices = choices([(NO_DISABILITY, t(lang, "dis.none"))]);
    disability_choices.extend(labels::DISABILITY_KINDS.iter().map(|k| {
        (
            AttrValue::from(code(k)),
            AttrValue::from(labels::disability(lang, *k)),
        )
    }));
    disability_choices.push(("?".into(), t(lang, "ans.unknown").into()));
    let has_kind = !matches!(m.disability.as_str(), "" | "?" | NO_DISABILITY);
    let choose = || Some(AttrValue::from(t(lang, "ans.choose")));
    let opt_code = |v: Option<String>| v.unwrap_or_default();
    let level_choices = choices([
        ("", t(lang, "dis.level_choose")),
        ("1", t(lang, "dis.level1")),
        ("2", t(lang, "dis.level2")),
        ("3", t(lang, "dis.level3")),
        ("4", t(lang, "dis.level4")),
        ("?", t(lang, "ans.unknown")),
    ]);
    let title = member_title(lang, m);
    let remove = p.act(move |a: &mut Answers| {
        if i < a.members.len() && a.members.len() > 1 {
            a.members.remove(i);
        }
    });
    html! {
        <section class="member card" key={m.id.clone()} data-member={i.to_string()}>
            <h3>{ tf(lang, "members.person", &[("n", &(i + 1).to_string()), ("who", &title)]) }</h3>
            <TextField field={f(i, "name")} label={t(lang, "members.name")} hint={t(lang, "members.name_hint")}
                value={m.name.clone()} error={p.error(lang, &f(i, "name"))}
                on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.name = v })} />
            <SelectField field={f(i, "relation")} label={t(lang, "members.relation")}
                choices={relation_choices} value={opt_code(m.relation.map(|r| code(&r)))}
                placeholder={choose()} error={p.error(lang, &f(i, "relation"))}
                on_change={p.set(move |a, v: String| if let (Some(m), Some(r)) = (a.members.get_mut(i), parse(&v)) { m.relation = Some(r) })} />
            <NumberField field={f(i, "age")} label={t(lang, "members.age")} unit={t(lang, "unit.years")} whole=true
                value={m.age.clone()} error={p.error(lang, &f(i, "age"))}
                on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.age = v })} />
            if asks_living(m) {
                <SelectField field={f(i, "living")} label={t(lang, "members.living")} hint={t(lang, "members.living_hint")}
                    choices={living_choices} value={opt_code(m.living.map(|l| l.code().to_string()))}
                    placeholder={choose()} error={p.error(lang, &f(i, "living"))}
                    on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.living = Some(Living::from_code(&v)) })} />
            }
            if m.relation == Some(Relation::Other) {
                <p class="note">{ t(lang, "members.other_not_counted") }</p>
            } else if m.living == Some(Living::Apart) {
                <p class="note" data-testid="away-note">{ t(lang, if m.is_counted() { "members.away_counted" } else { "members.away_not_counted" }) }</p>
            }
            <SelectField field={f(i, "disability")} label={t(lang, "members.disability")}
                choices={disability_choices} value={m.disability.clone()} placeholder={choose()}
                on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.disability = v })} />
            if has_kind {
                <SelectField field={f(i, "disability.level")} label={t(lang, "members.level")}
                    choices={level_choices} value={m.level.clone()}
                    error={p.error(lang, &f(i, "disability.level"))}
                    on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.level = v })} />
            }
            <Radios field={f(i, "serious_illness")} legend={t(lang, "members.illness")} hint={t(lang, "members.illness_hint")}
                choices={yes_no_unknown(lang)} value={m.serious_illness.code()}
                on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.serious_illness = YesNo::from_code(&v) })} />
            if p.answers.asks_community_corrections(m) {
                <Radios field={f(i, "community_corrections")} legend={t(lang, "members.corrections")} hint={t(lang, "members.corrections_hint")}
                    choices={yes_no_unknown(lang)} value={m.community_corrections.code()}
                    on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.community_corrections = YesNo::from_code(&v) })} />
            }
            if asks_bedridden(m) {
                <Radios field={f(i, "bedridden")} legend={t(lang, "members.bedridden")}
                    choices={yes_no_unknown(lang)} value={m.bedridden.code()}
                    on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.bedridden = YesNo::from_code(&v) })} />
            }
            if asks_schooling(m) {
                <SelectField field={f(i, "schooling")} label={t(lang, "members.schooling")}
                    choices={labels::SCHOOLING.iter().map(|s| (AttrValue::from(code(s)), AttrValue::from(labels::schooling(lang, *s)))).collect::<Choices>()}
                    value={opt_code(m.schooling.map(|s| code(&s)))} placeholder={choose()}
                    on_change={p.set(move |a, v: String| if let (Some(m), Some(s)) = (a.members.get_mut(i), parse(&v)) { m.schooling = Some(s) })} />
            }
            if asks_work(m) {
                <SelectField field={f(i, "work")} label={t(lang, "members.work")}
                    choices={labels::WORK.iter().map(|w| (AttrValue::from(code(w)), AttrValue::from(labels::work(lang, *w)))).collect::<Choices>()}
                    value={opt_code(m.work.map(|w| code(&w)))} placeholder={choose()}
                    on_change={p.set(move |a, v: String| if let (Some(m), Some(w)) = (a.members.get_mut(i), parse(&v)) { m.work = Some(w) })} />
            }
            if asks_supporters(m) {
                <div class="subgroup" data-testid="tekun-questions">
                    <p class="note">{ t(lang, "members.tekun_intro") }</p>
                    <SelectField field={f(i, "self_care")} label={t(lang, "members.self_care")}
                        choices={labels::SELF_CARE.iter().map(|s| (AttrValue::from(code(s)), AttrValue::from(labels::self_care(lang, *s)))).collect::<Choices>()}
                        value={opt_code(m.self_care.map(|s| code(&s)))} placeholder={choose()}
                        on_change={p.set(move |a, v: String| if let (Some(m), Some(s)) = (a.members.get_mut(i), parse(&v)) { m.self_care = Some(s) })} />
                    // Radio buttons, not a select: the answers are long and a select clips them
                    // on a small phone.
                    <Radios field={f(i, "supporters")} legend={t(lang, "members.supporters")} hint={t(lang, "members.supporters_hint")}
                        choices={Supporters::ALL.iter().map(|s| (AttrValue::from(s.code()), AttrValue::from(labels::supporters(lang, *s)))).collect::<Choices>()}
                        value={m.supporters.code()}
                        on_change={p.set(move |a, v: String| if let Some(m) = a.members.get_mut(i) { m.supporters = Supporters::from_code(&v) })} />
                    <CheckField field={f(i, "in_institution")} label={t(lang, "members.institution")}
                        checked={m.in_institution}
                        on_change={p.set(move |a, v: bool| if let Some(m) = a.members.get_mut(i) { m.in_institution = v })} />
                </div>
            }
            if p.answers.members.len() > 1 {
                <button type="button" class="secondary danger" onclick={remove}
                    aria-label={tf(lang, "members.remove_who", &[("who", &title)])}>
                    { t(lang, "members.remove") }
                </button>
            }
        </section>
    }
}
