//! 下一步 — where and how to apply (the region's online channel, the township or street window
//! "一门受理", residence-permit rules, the hotline), the documents to bring (tailored by the engine
//! to this household: a disability certificate only when someone has a disability...), the
//! timeline, and rights and duties. All of it is the engine's `next_steps` data with sources;
//! this file only lays it out.

use yew::prelude::*;

use super::cite::{confidence_label, pick, reason_item, source_note};
use crate::i18n::{t, tf, Lang};
use crate::rules::next_steps::{Channel, NextSteps};

fn channel_kind(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "online" => t(lang, "result.channel.online"),
        "window" => t(lang, "result.channel.window"),
        "residence_permit" => t(lang, "result.channel.residence_permit"),
        "hotline" => t(lang, "result.channel.hotline"),
        _ => t(lang, "result.channel.other"),
    }
}

fn channel(lang: Lang, c: &Channel) -> Html {
    html! {
        <li class="result-channel" data-channel={c.kind.clone()}>
            <strong>{ channel_kind(lang, &c.kind) }</strong>
            <span class="result-reason">{ pick(lang, &c.text) }</span>
            { source_note(lang, Some(&c.source)) }
            if c.confidence != "V" {
                <span class="result-source">
                    { tf(lang, "result.channel.confidence", &[("confidence", &confidence_label(lang, &c.confidence))]) }
                </span>
            }
        </li>
    }
}

pub fn next_steps(lang: Lang, n: &NextSteps, id_prefix: &str) -> Html {
    let heading_id = format!("{id_prefix}-next-h");
    html! {
        <section class="result-next" aria-labelledby={heading_id.clone()} data-testid="next-steps">
            <h3 id={heading_id.clone()}>{ t(lang, "result.next.title") }</h3>
            <h4>{ t(lang, "result.next.where") }</h4>
            <ul class="result-channels">{ for n.channels.iter().map(|c| channel(lang, c)) }</ul>
            <h4>{ t(lang, "result.next.documents") }</h4>
            <ul class="result-documents" data-testid="documents">
                { for n.documents.iter().map(|r| reason_item(lang, r)) }
            </ul>
            <h4>{ t(lang, "result.next.timeline") }</h4>
            <ol class="result-timeline">{ for n.timeline.iter().map(|r| reason_item(lang, r)) }</ol>
            <h4>{ t(lang, "result.next.rights") }</h4>
            <ul class="result-rights">{ for n.rights_and_duties.iter().map(|r| reason_item(lang, r)) }</ul>
        </section>
    }
}
