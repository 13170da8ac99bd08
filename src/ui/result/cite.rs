//! Engine texts in the current language, and where a statement comes from (document and
//! article), shown in small print under it so every rule on the screen can be looked up.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::rules::outcome::{Reason, Source};
use crate::rules::Text;

/// The engine's zh-CN or English text.
pub fn pick(lang: Lang, text: &Text) -> String {
    lang.pick(&text.zh, &text.en).to_string()
}

/// `依据：社会救助暂行办法 第九条`.
pub fn source_note(lang: Lang, source: Option<&Source>) -> Html {
    let Some(s) = source else {
        return Html::default();
    };
    let where_ = match s.article.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(article) => format!("{} {}", s.document, article),
        None => s.document.to_string(),
    };
    // Most documents are Chinese titles: mark them so a screen reader in English mode reads
    // them with a Chinese voice.
    let doc_lang = where_.chars().any(is_cjk).then_some("zh-CN");
    html! {
        <span class="result-source">
            { t(lang, "result.source") }<span lang={doc_lang}>{ where_ }</span>
        </span>
    }
}

/// One reason as a list item: the sentence, then its source.
pub fn reason_item(lang: Lang, r: &Reason) -> Html {
    html! {
        <li>
            <span class="result-reason">{ pick(lang, &r.text) }</span>
            { source_note(lang, r.source.as_ref()) }
        </li>
    }
}

/// How sure the project is of a figure or a channel (policy-research.md §0).
pub fn confidence_label(lang: Lang, code: &str) -> String {
    match code {
        "V" => t(lang, "result.confidence.v").to_string(),
        "S" => t(lang, "result.confidence.s").to_string(),
        "SEED" => t(lang, "result.confidence.seed").to_string(),
        "N" => t(lang, "result.confidence.n").to_string(),
        "override" => t(lang, "result.confidence.override").to_string(),
        "assumption" => t(lang, "result.confidence.assumption").to_string(),
        other => other.to_string(),
    }
}

/// CJK Unified Ideographs and CJK punctuation (enough to tell a Chinese title from English).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}
