//! The page's state: the text in the box and the report of the text last checked.

use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

pub struct State {
    pub input: AttrValue,
    /// The text `report` belongs to, so an unchanged text is not checked twice.
    checked: AttrValue,
    pub report: Rc<Report>,
}

pub enum Action {
    /// The user edited the text; the check follows once typing pauses.
    Edit(AttrValue),
    /// Check the current text now (the button, or the end of a pause).
    Check,
    /// Replace the text and check it at once (the example button).
    Load(AttrValue),
}

impl State {
    /// A state whose report is already up to date with `input`.
    pub fn new(input: AttrValue) -> State {
        let report = Rc::new(crate::check_text(&input));
        State { checked: input.clone(), input, report }
    }
}

impl Reducible for State {
    type Action = Action;

    /// Returning `self` unchanged tells Yew not to re-render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(input) if input == self.input => self,
            Action::Edit(input) => Rc::new(State { input, checked: self.checked.clone(), report: self.report.clone() }),
            Action::Check if self.checked == self.input => self,
            Action::Check => Rc::new(State::new(self.input.clone())),
            Action::Load(input) => Rc::new(State::new(input)),
        }
    }
}

/// What the result panels take: the report of the text last checked.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Rc<Report>,
}
