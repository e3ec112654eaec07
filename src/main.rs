//! The `spillover` binary: parse arguments, dispatch, report errors as one
//! clear sentence with a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;
use spillover::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let message = format!("{err:#}");
            eprintln!(
                "error: {}",
                spillover::domain::text::escape_output(&message)
            );
            ExitCode::FAILURE
        }
    }
}
