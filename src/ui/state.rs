//! The state of one screening ([`Flow`]), changed only through [`Action`]s (one reducer).
//!
//! Every edit of the answers re-evaluates at once: the answers become the engine's household
//! (or a list of field errors) and the engine's evaluation, which the result bar and the result
//! screen show.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::answers::{Answers, FieldError, RestoreProblem};
use crate::i18n::Lang;
use crate::rules::date::Date;
use crate::rules::samples;
use crate::rules::{evaluate_on, Evaluation, Household};

/// The screens, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Place,
    Members,
    Income,
    Expenses,
    Assets,
    Events,
    Result,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Place,
        Step::Members,
        Step::Income,
        Step::Expenses,
        Step::Assets,
        Step::Events,
        Step::Result,
    ];

    /// 1-based position.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Step {
        Step::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Step::Result)
    }

    pub fn back(self) -> Step {
        match self.number() {
            1 => Step::Place,
            n => Step::ALL[n - 2],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Step::Place => "place",
            Step::Members => "members",
            Step::Income => "income",
            Step::Expenses => "expenses",
            Step::Assets => "assets",
            Step::Events => "events",
            Step::Result => "result",
        }
    }

    /// The step of a [`Step::code`] (a history entry's state).
    pub fn from_code(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The screen a field (as named in a [`FieldError`]) is asked on.
    pub fn of_field(field: &str) -> Step {
        if field.contains(".income") {
            Step::Income
        } else if field.starts_with("members") {
            Step::Members
        } else if field.starts_with("expenses") {
            Step::Expenses
        } else if field.starts_with("assets") {
            Step::Assets
        } else if field.starts_with("circumstances") {
            Step::Events
        } else {
            Step::Place
        }
    }
}

/// The engine's answer for the current answers.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Evaluated {
        household: Rc<Household>,
        evaluation: Rc<Evaluation>,
    },
    /// Some answers need fixing (or are still missing): the result waits for them.
    Invalid(Rc<Vec<FieldError>>),
    /// The engine refused the household (e.g. nobody counted): its message.
    Refused(Rc<FieldError>),
}

/// One screening.
#[derive(Clone, PartialEq)]
pub struct Flow {
    pub answers: Rc<Answers>,
    pub step: Step,
    pub lang: Lang,
    pub elder: bool,
    /// The date used when the answers give none.
    pub today: Date,
    /// Standards the host portal provides (household `params` form, already validated by the
    /// embedding API): added to every household the resident's answers describe, so the result
    /// uses them and names the portal as their source. Empty for the resident app.
    pub portal_params: Rc<PortalParams>,
    pub outcome: Outcome,
    /// Screens the user has moved on from (blank required answers are shown as errors there).
    pub visited: BTreeSet<Step>,
    /// What happened to the saved answers on load, until dismissed.
    pub notice: Option<RestoreProblem>,
    /// Shows the "really clear?" confirmation.
    pub confirming_clear: bool,
    /// Set once the user cleared their data (for the confirmation message).
    pub cleared: bool,
    /// Bumped on every navigation, so the screen heading takes the focus even on the same step.
    pub nav_count: u32,
    /// The field to focus after this navigation (a link to an unanswered question or an answer
    /// to fix); `None` focuses the screen heading.
    pub focus: Option<Rc<str>>,
}

pub type Edit = Box<dyn FnOnce(&mut Answers)>;

pub enum Action {
    /// Change the answers.
    Edit(Edit),
    Go(Step),
    /// Open the screen of a field and focus it (`members[0].serious_illness`).
    GoTo(Rc<str>),
    SetLang(Lang),
    ToggleElder,
    AskClear,
    CancelClear,
    /// Clear everything (after the confirmation).
    Clear,
    /// Staff mode: replace the answers with a sample household.
    LoadSample(String),
    DismissNotice,
    /// The host portal changed its standards (the embedded element's `params`): re-evaluate.
    SetPortalParams(Rc<PortalParams>),
    /// Evaluate again with the same answers (the English messages arrived: `ui::english`).
    Reevaluate,
    /// The place names arrived (`ui::place_tree`): evaluate again so the result names a county
    /// without a data file — only if a place is chosen (on a first visit none is, and nothing
    /// changes: no second evaluation and render while the resident starts answering).
    PlacesRead,
}

/// A portal's own standards by parameter name (see `docs/schema.md`, `params`).
pub type PortalParams = std::collections::BTreeMap<String, serde_json::Value>;

/// Evaluates the answers (with the portal's standards, if any): the engine's result or what
/// needs fixing.
pub fn evaluate(a: &Answers, today: Date, portal: &PortalParams) -> Outcome {
    match a.to_household() {
        Err(errors) => Outcome::Invalid(Rc::new(errors)),
        Ok(mut h) => {
            for (name, value) in super::portal_params::for_region(portal, &h.region) {
                h.params.entry(name).or_insert(value);
            }
            match evaluate_on(&h, today) {
                Ok(ev) => Outcome::Evaluated {
                    household: Rc::new(h),
                    evaluation: Rc::new(ev),
                },
                Err(e) => Outcome::Refused(Rc::new(FieldError {
                    field: e.field,
                    blank: false,
                    zh: e.message_zh,
                    en: e.message_en,
                })),
            }
        }
    }
}

impl Flow {
    pub fn new(
        answers: Answers,
        step: Step,
        lang: Lang,
        elder: bool,
        today: Date,
        portal_params: Rc<PortalParams>,
        notice: Option<RestoreProblem>,
    ) -> Flow {
        let outcome = evaluate(&answers, today, &portal_params);
        Flow {
            answers: Rc::new(answers),
            step,
            lang,
            elder,
            today,
            portal_params,
            outcome,
            visited: Step::ALL.iter().copied().filter(|s| *s < step).collect(),
            notice,
            confirming_clear: false,
            cleared: false,
            nav_count: 0,
            focus: None,
        }
    }

    /// The errors of the answers (empty when evaluated).
    pub fn errors(&self) -> Rc<Vec<FieldError>> {
        match &self.outcome {
            Outcome::Invalid(e) => e.clone(),
            Outcome::Refused(e) => Rc::new(vec![(**e).clone()]),
            Outcome::Evaluated { .. } => Rc::new(Vec::new()),
        }
    }

    /// Whether blank required answers on `step` are shown as errors yet.
    pub fn shows_blank(&self, step: Step) -> bool {
        self.visited.contains(&step) || self.step == Step::Result
    }

    fn with_answers(&self, answers: Answers) -> Flow {
        Flow {
            outcome: evaluate(&answers, self.today, &self.portal_params),
            answers: Rc::new(answers),
            cleared: false,
            ..self.clone()
        }
    }
}

impl Reducible for Flow {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(edit) => {
                let mut a = (*self.answers).clone();
                edit(&mut a);
                if a == *self.answers {
                    return self;
                }
                next = self.with_answers(a);
            }
            Action::Go(step) => {
                if step > self.step || step == Step::Result {
                    next.visited.insert(self.step);
                }
                next.step = step;
                next.confirming_clear = false;
                next.nav_count += 1;
                next.focus = None;
            }
            Action::GoTo(field) => {
                let step = Step::of_field(&field);
                if step > self.step {
                    next.visited.insert(self.step);
                }
                next.step = step;
                next.confirming_clear = false;
                next.nav_count += 1;
                next.focus = Some(field);
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetPortalParams(params) => {
                if params == self.portal_params {
                    return self;
                }
                next.portal_params = params;
                next = next.with_answers((*next.answers).clone());
            }
            Action::Reevaluate => next = next.with_answers((*next.answers).clone()),
            Action::PlacesRead if self.answers.region.is_empty() => return self,
            Action::PlacesRead => next = next.with_answers((*next.answers).clone()),
            Action::ToggleElder => next.elder = !self.elder,
            Action::AskClear => next.confirming_clear = true,
            Action::CancelClear => next.confirming_clear = false,
            Action::Clear => {
                next = self.with_answers(Answers::default());
                next.step = Step::Place;
                next.visited.clear();
                next.notice = None;
                next.confirming_clear = false;
                next.cleared = true;
                next.nav_count += 1;
            }
            Action::LoadSample(id) => {
                let Some(s) = samples::get(&id) else {
                    return self;
                };
                let Ok(h) = crate::rules::validate::parse(s.json) else {
                    return self;
                };
                next = self.with_answers(Answers::from_household(&h));
            }
            Action::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}
