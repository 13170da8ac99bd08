//! The state of the screening screen, changed only through [`Action`]s (one reducer).

use std::rc::Rc;

use yew::Reducible;

use crate::rules::samples::{self, Sample};
use crate::rules::{evaluate_json, Evaluation, InputError};

/// Everything the screen shows, derived from the chosen household.
#[derive(Debug, Clone, PartialEq)]
pub struct Screening {
    /// Id of the chosen sample household.
    pub sample_id: &'static str,
    /// The engine's answer for it: an evaluation, or the input error in words.
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Evaluated(Rc<Evaluation>),
    Invalid(Rc<InputErrorText>),
    /// The app was built with no sample households.
    Empty,
}

/// An input error as shown to the user (the engine's error, copied into plain strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputErrorText {
    pub field: String,
    pub message_zh: String,
    pub message_en: String,
}

impl From<InputError> for InputErrorText {
    fn from(e: InputError) -> Self {
        InputErrorText {
            field: e.field,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    }
}

pub enum Action {
    /// The user picked another sample household (by id).
    ChooseSample(String),
}

impl Screening {
    /// The first sample household, evaluated.
    pub fn initial() -> Screening {
        match samples::all().into_iter().next() {
            Some(s) => Screening::for_sample(&s),
            None => Screening {
                sample_id: "",
                outcome: Outcome::Empty,
            },
        }
    }

    pub fn for_sample(sample: &Sample) -> Screening {
        let outcome = match evaluate_json(sample.json) {
            Ok(ev) => Outcome::Evaluated(Rc::new(ev)),
            Err(e) => Outcome::Invalid(Rc::new(e.into())),
        };
        Screening {
            sample_id: sample.id,
            outcome,
        }
    }
}

impl Reducible for Screening {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::ChooseSample(id) => {
                if id == self.sample_id {
                    return self;
                }
                match samples::all().into_iter().find(|s| s.id == id) {
                    Some(s) => Rc::new(Screening::for_sample(&s)),
                    None => self,
                }
            }
        }
    }
}
