//! Reading framework matrices: the list, one matrix by id or name, and what a new matrix holds
//! unless the user says otherwise (the top-level codes × every case).

use super::Project;
use crate::action::Action;
use crate::error::{Error, Result};
use crate::model::*;

impl Project {
    /// Every framework matrix, by name.
    pub fn frameworks(&self) -> Result<Vec<Framework>> {
        Ok(self.store.read().frameworks()?)
    }

    /// One matrix with its columns, rows and cells.
    pub fn framework(&self, id: FrameworkId) -> Result<FrameworkMatrix> {
        self.store.read().framework(id)?.ok_or_else(|| Error::not_found(format!("no framework matrix with id {id}")))
    }

    /// The matrix named `name`, or an error naming it and the matrices there are.
    pub fn framework_named(&self, name: &str) -> Result<FrameworkMatrix> {
        let all = self.frameworks()?;
        match all.iter().find(|f| f.name == name) {
            Some(f) => self.framework(f.id),
            None if all.is_empty() => Err(Error::not_found(format!("no framework matrix named \"{name}\": the project has none"))),
            None => {
                let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
                Err(Error::not_found(format!("no framework matrix named \"{name}\": there are {}", names.join(", "))))
            }
        }
    }

    /// The action that creates a matrix named `name` with the top-level codes as columns (in the
    /// codebook's order) and every case as a row (by name): what a new matrix holds by default.
    pub fn default_framework(&self, name: &str) -> Result<Action> {
        let codes = self.codebook()?.children(None).to_vec();
        let cases = self.cases()?.into_iter().map(|c| c.id).collect();
        Ok(Action::CreateFramework { name: name.to_string(), codes, cases })
    }
}
