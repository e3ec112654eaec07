//! The jobs under way: started with an id, ended when the worker's answer
//! names that id (never by the order of the queue).

use super::AppState;
use crate::tui::effect::Effect;
use crate::tui::jobs::Job;
use crate::tui::outcome::JobId;
use crate::tui::state::Work;

impl AppState {
    /// Notes `job` as under way (the status bar shows it) and asks for it
    /// under a new id, which its progress and result will carry.
    pub(in crate::tui::update) fn start(&mut self, job: Job) -> Effect {
        let id = JobId(self.jobs.next);
        self.jobs.next += 1;
        self.jobs.work.push(Work {
            id,
            label: job.label(),
            symbols: job.symbols().to_vec(),
            done: 0,
            total: job.units(),
            kind: job.kind(),
            now: None,
        });
        Effect::Start(id, job)
    }

    /// Asks the worker for the prices of members not in the book yet.
    pub(in crate::tui::update) fn load_missing(&mut self) -> Option<Effect> {
        let missing = self.missing_prices();
        (!missing.is_empty()).then(|| self.start(Job::LoadPrices(missing)))
    }

    /// The job `id` has ended: the status bar drops it.
    pub(in crate::tui::update) fn end_work(&mut self, id: JobId) {
        self.jobs.work.retain(|w| w.id != id);
    }
}
