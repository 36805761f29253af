//! The project's rows as the analyses need them, loaded once per project state.
//!
//! Loading is the slow part of an analysis at scale (every coding, and on request every turn or
//! every source text), so the views share one `AnalysisData`: it is reloaded only when the
//! project changes (its path or the app's generation) or when a view needs more than was loaded
//! (speakers, texts), and then with everything asked for so far.

use std::path::PathBuf;
use std::sync::Arc;

use thicket_core::analysis::{AnalysisData, AnalysisLoad};
use thicket_core::project::Project;

/// The shared, loaded data.
#[derive(Default)]
pub struct DataCache {
    key: Option<(PathBuf, u64)>,
    loaded: AnalysisLoad,
    data: Option<Arc<AnalysisData>>,
}

impl DataCache {
    /// The data of `project` at `generation` with at least what `need` asks for.
    pub fn get(&mut self, project: &Project, generation: u64, need: AnalysisLoad) -> Result<Arc<AnalysisData>, String> {
        let key = (project.path().to_path_buf(), generation);
        if self.key.as_ref() != Some(&key) {
            self.data = None;
            self.loaded = AnalysisLoad::default();
        }
        if let Some(data) = &self.data
            && (self.loaded.speakers || !need.speakers)
            && (self.loaded.texts || !need.texts)
        {
            return Ok(Arc::clone(data));
        }
        let load = AnalysisLoad { speakers: self.loaded.speakers || need.speakers, texts: self.loaded.texts || need.texts };
        let data = Arc::new(project.analysis_data_with(load).map_err(|e| e.to_string())?);
        self.key = Some(key);
        self.loaded = load;
        self.data = Some(Arc::clone(&data));
        Ok(data)
    }
}
