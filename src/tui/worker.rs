//! The worker thread: carries out [`Job`]s one after another off the UI
//! thread and sends their progress and results to the run loop's channel.
//! A quit sets the cancel flag and closes the queue; the thread ends after
//! the unit of work it is in, and the loop's scope waits for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread::Scope;

use super::event::Event;
use super::jobs::{Job, JobContext};
use super::outcome::{JobId, JobReport, Outcome};

/// The queue of the running worker.
pub struct Worker {
    jobs: Sender<(JobId, Job)>,
    cancel: Arc<AtomicBool>,
}

impl Worker {
    /// Starts the worker in `scope`: `run` carries out each job (in the
    /// workstation [`jobs::run`](super::jobs::run) on the data dir; in tests
    /// anything, e.g. a load held back until the test lets it finish).
    pub fn spawn<'scope>(
        scope: &'scope Scope<'scope, '_>,
        mut run: impl FnMut(Job, &JobContext) -> Option<JobReport> + Send + 'scope,
        events: Sender<Event>,
    ) -> Worker {
        let (jobs, queue) = mpsc::channel::<(JobId, Job)>();
        let cancel = Arc::new(AtomicBool::new(false));
        let context = JobContext::new(cancel.clone(), events.clone());
        scope.spawn(move || {
            for (id, job) in queue {
                if context.cancelled() {
                    break;
                }
                if let Some(report) = run(job, &context.for_job(id))
                    && events.send(Event::Done(Outcome::Job(id, report))).is_err()
                {
                    break;
                }
            }
        });
        Worker { jobs, cancel }
    }

    /// Queues `job`, whose reports will carry `id`.
    pub fn start(&self, id: JobId, job: Job) {
        // The thread ends only after `stop`, so the queue is open.
        let _ = self.jobs.send((id, job));
    }

    /// Asks the running job to stop at its next unit and closes the queue.
    pub fn stop(self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
