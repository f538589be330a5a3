//! The page's state: the text in the box, the rounding mode, and the report of the text last
//! checked with that mode.

use crate::ingest::Source;
use crate::report::Report;
use crate::tolerance::RoundingMode;
use std::rc::Rc;
use yew::prelude::*;

pub struct State {
    pub input: AttrValue,
    pub mode: RoundingMode,
    /// The text `report` belongs to, so an unchanged text is not checked twice.
    checked: AttrValue,
    pub report: Shared<Report>,
    /// The text last replaced without the user typing it away (the example, 清空, a share link,
    /// another tab's autosave), one click away as 恢复之前的内容.
    pub previous: Option<AttrValue>,
}

pub enum Action {
    /// The user edited the text; the check follows once typing pauses.
    Edit(AttrValue),
    /// Check the current text now (the button, or the end of a pause).
    Check,
    /// Replace the text and check it at once (the example button, clear, a share link).
    Load(AttrValue),
    /// Add files' text at the end of the box as it is now, and check at once (uploads).
    Append(AttrValue),
    /// Re-check the same text under another rounding model.
    Mode(RoundingMode),
    /// Put the replaced text back; the text it replaces becomes the previous one.
    Restore,
    /// Keep `0` as the previous text (the autosave a share link or another tab replaced).
    KeepPrevious(AttrValue),
    /// Forget the previous text (the user dismissed the offer).
    ForgetPrevious,
}

/// Checks the text as one pasted source, under `mode`.
fn check(input: &str, mode: RoundingMode) -> Report {
    crate::check_sources(&[Source { name: "粘贴内容".to_string(), text: input.to_string() }], mode)
}

impl State {
    /// A state whose report is already up to date with `input`.
    pub fn new(input: AttrValue, mode: RoundingMode) -> State {
        let report = Shared::new(check(&input, mode));
        State { checked: input.clone(), input, mode, report, previous: None }
    }

    pub fn with_previous(mut self, previous: Option<AttrValue>) -> State {
        self.previous = previous;
        self
    }
}

/// Whether replacing `old` with `new` loses text: an upload appends, so nothing is lost then.
fn loses(old: &str, new: &str) -> bool {
    !old.trim().is_empty() && !new.starts_with(old)
}

impl Reducible for State {
    type Action = Action;

    /// Returning `self` unchanged tells Yew not to re-render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(input) if input == self.input => self,
            Action::Edit(input) => Rc::new(State {
                input,
                mode: self.mode,
                checked: self.checked.clone(),
                report: self.report.clone(),
                previous: self.previous.clone(),
            }),
            Action::Check if self.checked == self.input => self,
            Action::Check => Rc::new(State::new(self.input.clone(), self.mode).with_previous(self.previous.clone())),
            Action::Load(input) => {
                let previous =
                    if loses(&self.input, &input) { Some(self.input.clone()) } else { self.previous.clone() };
                Rc::new(State::new(input, self.mode).with_previous(previous))
            }
            Action::Append(files) => {
                let mut input = self.input.to_string();
                if !input.is_empty() && !input.ends_with('\n') {
                    input.push('\n');
                }
                input.push_str(&files);
                Rc::new(State::new(input.into(), self.mode).with_previous(self.previous.clone()))
            }
            Action::Mode(mode) if mode == self.mode => self,
            Action::Mode(mode) => Rc::new(State::new(self.input.clone(), mode).with_previous(self.previous.clone())),
            Action::Restore => match &self.previous {
                Some(previous) => {
                    let replaced = (!self.input.trim().is_empty()).then(|| self.input.clone());
                    Rc::new(State::new(previous.clone(), self.mode).with_previous(replaced))
                }
                None => self,
            },
            Action::KeepPrevious(text) if text == self.input || text.trim().is_empty() => self,
            Action::KeepPrevious(text) => Rc::new(State {
                input: self.input.clone(),
                mode: self.mode,
                checked: self.checked.clone(),
                report: self.report.clone(),
                previous: Some(text),
            }),
            Action::ForgetPrevious => Rc::new(State {
                input: self.input.clone(),
                mode: self.mode,
                checked: self.checked.clone(),
                report: self.report.clone(),
                previous: None,
            }),
        }
    }
}

/// What the result panels take: the report of the text last checked.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Shared<Report>,
}

/// A report, or what the page derives from one, compared by pointer: every check makes a new one,
/// so the pointer says whether it changed. (`Report` compares by content: on a long document,
/// comparing it for every table view on every render cost more than drawing the page.)
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
