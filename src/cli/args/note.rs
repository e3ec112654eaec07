//! `spillover note`: where to write the note, against what.

use std::path::PathBuf;

use clap::Args;

use super::{AnalysisArgs, StudyArgs};

/// Write the research note's exhibits (figures, tables, captions) to DIR/note.md and DIR/note.html.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The directory to write note.md, note.html and the figures' PNG files into (created if missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    /// The event study exhibit's benchmark and model.
    #[command(flatten)]
    pub study: StudyArgs,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}
