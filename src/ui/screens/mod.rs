//! One component per question group (product.md "The flow"): where you live, household members,
//! income, rigid expenses, assets, what happened. Each shows only the questions that can change
//! a result for this household (the skip rules are in `crate::answers`, tested natively).

pub mod assets;
pub mod events;
pub mod expenses;
pub mod income;
pub mod labels;
pub mod members;
pub mod place;

use std::rc::Rc;

use yew::prelude::*;

use super::state::Edit;
use crate::answers::{Answers, FieldError};
use crate::rules::date::Date;

/// What every screen gets.
#[derive(Properties, PartialEq, Clone)]
pub struct ScreenProps {
    pub answers: Rc<Answers>,
    pub errors: Rc<Vec<FieldError>>,
    /// Show blank required answers as errors (the user has been past this screen).
    pub show_blank: bool,
    /// Changes the answers.
    pub edit: Callback<Edit>,
    /// The date used when the answers give none.
    pub today: Date,
}

impl ScreenProps {
    /// The error to show under `field`.
    pub fn error(&self, lang: crate::i18n::Lang, field: &str) -> Option<AttrValue> {
        super::fields::error_for(&self.errors, field, self.show_blank, lang)
    }

    /// A callback that applies `f` with the new value to the answers.
    pub fn set<T: 'static>(&self, f: impl Fn(&mut Answers, T) + 'static) -> Callback<T> {
        let f = Rc::new(f);
        self.edit.reform(move |v: T| {
            let f = f.clone();
            Box::new(move |a: &mut Answers| f(a, v)) as Edit
        })
    }

    /// A callback that applies `f` to the answers (a button press).
    pub fn act<E: 'static>(&self, f: impl Fn(&mut Answers) + 'static) -> Callback<E> {
        let f = Rc::new(f);
        self.edit.reform(move |_: E| {
            let f = f.clone();
            Box::new(move |a: &mut Answers| f(a)) as Edit
        })
    }
}
