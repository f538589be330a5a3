//! 逐份核对's state: the documents checked so far (each a small summary plus its report, never
//! its drawn tables), how many are expected, and which one is open.

use super::super::state::Shared;
use crate::batch::DocSummary;
use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

/// One file checked as its own document; no report when the file could not be read.
#[derive(Debug, PartialEq)]
pub struct Doc {
    pub summary: DocSummary,
    pub report: Option<Shared<Report>>,
}

#[derive(Debug, Default, PartialEq)]
pub struct Batch {
    /// The run the documents belong to: a new batch (or closing this one) outdates the old run's
    /// late arrivals.
    pub run: u32,
    /// Files in the run; 0 when no batch is shown.
    pub total: usize,
    pub docs: Vec<Rc<Doc>>,
    /// The document whose report is shown instead of the list.
    pub open: Option<usize>,
}

pub enum BatchAction {
    Start {
        run: u32,
        total: usize,
    },
    Add {
        run: u32,
        doc: Doc,
    },
    Open(usize),
    /// Back to the list.
    Back,
    /// Leave 逐份核对: the page shows the text's report again.
    Close,
}

impl Batch {
    pub fn running(&self) -> bool {
        self.docs.len() < self.total
    }
}

impl Reducible for Batch {
    type Action = BatchAction;

    fn reduce(self: Rc<Self>, action: BatchAction) -> Rc<Self> {
        match action {
            BatchAction::Start { run, total } => Rc::new(Batch { run, total, docs: Vec::new(), open: None }),
            BatchAction::Add { run, doc } if run == self.run => {
                let mut docs = self.docs.clone();
                docs.push(Rc::new(doc));
                Rc::new(Batch { run, total: self.total, docs, open: self.open })
            }
            BatchAction::Add { .. } => self,
            BatchAction::Open(i) if self.docs.get(i).is_some_and(|d| d.report.is_some()) => {
                Rc::new(Batch { run: self.run, total: self.total, docs: self.docs.clone(), open: Some(i) })
            }
            BatchAction::Open(_) => self,
            BatchAction::Back => {
                Rc::new(Batch { run: self.run, total: self.total, docs: self.docs.clone(), open: None })
            }
            BatchAction::Close => Rc::new(Batch { run: self.run, ..Batch::default() }),
        }
    }
}
