//! The result: region, per-capita monthly income, and for each scheme its status in words and
//! an icon (never colour alone), the one-sentence reason and the estimate where there is one.

use yew::prelude::*;

use super::format::yuan;
use super::state::InputErrorText;
use crate::rules::{Evaluation, SchemeResult, Status, Text};

/// zh-CN first, the English as a smaller subtitle.
fn bilingual(text: &Text) -> Html {
    html! {
        <>
            <span lang="zh-CN">{ text.zh.clone() }</span>
            <span class="en" lang="en">{ text.en.clone() }</span>
        </>
    }
}

/// A class name for the status, for colour and border style (the icon and words carry the
/// meaning).
fn status_class(status: Status) -> &'static str {
    match status {
        Status::Likely => "status-likely",
        Status::Possible => "status-possible",
        Status::Unlikely => "status-unlikely",
    }
}

#[derive(Properties, PartialEq)]
pub struct EvaluationViewProps {
    pub evaluation: std::rc::Rc<Evaluation>,
}

#[component]
pub fn EvaluationView(props: &EvaluationViewProps) -> Html {
    let ev = &props.evaluation;
    let income = match ev.per_capita_monthly_income {
        Some(v) => html! { <strong class="money" data-testid="per-capita">{ yuan(v) }</strong> },
        None => html! {
            <strong data-testid="per-capita">
                {"未知"}<span class="en" lang="en">{"unknown"}</span>
            </strong>
        },
    };
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h2 id="result-heading">
                {"自查结果"}<span class="en" lang="en">{"Screening result"}</span>
            </h2>
            <dl class="facts">
                <div>
                    <dt>{"地区"}<span class="en" lang="en">{"Region"}</span></dt>
                    <dd data-testid="region">{ bilingual(&ev.region_name) }</dd>
                </div>
                <div>
                    <dt>
                        {"家庭月人均收入"}
                        <span class="en" lang="en">{"Monthly income per person"}</span>
                    </dt>
                    <dd>{ income }</dd>
                </div>
            </dl>
            <ul class="schemes">
                { for ev.schemes.iter().map(scheme_row) }
            </ul>
            <p class="disclaimer">{ bilingual(&ev.disclaimer) }</p>
            <p class="stamp" data-testid="stamp">
                { format!("规则版本 {} · 计算日期 {}", ev.rules_version, ev.as_of) }
                <span class="en" lang="en">
                    { format!("Rules version {} · worked out for {}", ev.rules_version, ev.as_of) }
                </span>
            </p>
        </section>
    }
}

fn scheme_row(s: &SchemeResult) -> Html {
    let label = s.scheme.label();
    let status = s.status.label();
    let estimate = s.estimate.as_ref().map(|e| {
        let amount = if e.monthly_low == e.monthly_high {
            yuan(e.monthly_low)
        } else {
            format!("{} – {}", yuan(e.monthly_low), yuan(e.monthly_high))
        };
        let approx = if e.approximate { "约 " } else { "" };
        html! {
            <p class="estimate">
                {"估算金额 "}<strong class="money">{ format!("{approx}{amount}") }</strong>{" / 月"}
                <span class="en" lang="en">{ format!("Estimate: {amount} per month") }</span>
            </p>
        }
    });
    html! {
        <li class={classes!("scheme", status_class(s.status))} data-scheme={s.scheme.code()}>
            <h3 class="scheme-name">{ bilingual(&label) }</h3>
            <p class="status">
                <span class="icon" aria-hidden="true">{ s.status.icon() }</span>
                <span class="status-words">{ bilingual(&status) }</span>
            </p>
            <p class="summary">{ bilingual(&s.summary) }</p>
            { for estimate }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct InputErrorViewProps {
    pub error: std::rc::Rc<InputErrorText>,
}

/// The engine rejected the household: say what and where, in words.
#[component]
pub fn InputErrorView(props: &InputErrorViewProps) -> Html {
    let e = &props.error;
    html! {
        <section class="error" role="alert">
            <h2>{"无法计算"}<span class="en" lang="en">{"Cannot work this out"}</span></h2>
            <p>{ e.message_zh.clone() }</p>
            <p class="en" lang="en">{ e.message_en.clone() }</p>
            <p class="field">{"项目 / field: "}<code>{ e.field.clone() }</code></p>
        </section>
    }
}
