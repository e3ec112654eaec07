//! `spillover basket ...`: list, show and edit baskets.

use std::path::PathBuf;

use clap::Subcommand;

use super::AnalysisArgs;
use crate::domain::BasketId;
use crate::store::import::Market;

/// List, show and edit baskets: create, add, remove, set, rename, delete, copy.
///
/// Every edit is checked first (nothing is written if it is refused) and saved at once,
/// atomically, to baskets/<ID>.toml; a file changed by someone else since is never overwritten.
#[derive(Debug, Subcommand)]
pub enum BasketCommand {
    /// List every basket with its method and data coverage.
    List,
    /// Show a basket's member table: weights, returns, contributions, data status.
    Show {
        /// The basket id (its file name without .toml), e.g. na-chain.
        #[arg(value_parser = BasketId::parse)]
        id: BasketId,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Create an empty basket (baskets/ID.toml).
    Create {
        /// The new basket's id: lower-case letters, digits, - and _ (e.g. optical).
        id: String,
        /// Its display name [default: the id].
        #[arg(long)]
        name: Option<String>,
        /// Index weighting: equal, cap or custom [default: equal].
        #[arg(long)]
        method: Option<String>,
        /// A line saying what the basket is.
        #[arg(long)]
        description: Option<String>,
    },
    /// Add a member; a symbol without cached prices may be added (it shows "no data").
    Add {
        /// The basket id, e.g. domestic-chain.
        id: String,
        /// The member's symbol, e.g. 688981.SH.
        symbol: String,
        /// Display name [default: the name another basket gives the symbol, else the name
        /// found in its imported price file, else the symbol].
        #[arg(long)]
        name: Option<String>,
        /// English name.
        #[arg(long = "name-en")]
        name_en: Option<String>,
        /// Segment, e.g. "Optical module".
        #[arg(long)]
        segment: Option<String>,
        /// Target weight for the custom method: a number >= 0.
        #[arg(long, allow_hyphen_values = true)]
        weight: Option<String>,
    },
    /// Remove a member.
    Remove {
        /// The basket id.
        id: String,
        /// The member's symbol.
        symbol: String,
    },
    /// Set a member's field (`set ID SYMBOL FIELD VALUE`) or a basket's (`set ID --name NAME`).
    ///
    /// Member fields: name, name_en, segment, weight ("" clears the weight).
    /// Basket fields: --name, --description or --method (one at a time).
    #[command(group(
        clap::ArgGroup::new("what")
            .required(true)
            .args(["member", "name", "description", "method"])
    ))]
    Set {
        /// The basket id.
        id: String,
        /// SYMBOL FIELD VALUE, e.g. 300308.SZ weight 2.5.
        #[arg(num_args = 3, value_names = ["SYMBOL", "FIELD", "VALUE"], allow_hyphen_values = true)]
        member: Option<Vec<String>>,
        /// The basket's display name.
        #[arg(long)]
        name: Option<String>,
        /// The basket's description.
        #[arg(long)]
        description: Option<String>,
        /// The basket's index weighting: equal, cap or custom.
        #[arg(long)]
        method: Option<String>,
    },
    /// Rename a basket's id (its file); the display name stays.
    Rename {
        /// The basket id.
        id: String,
        /// The new id.
        new_id: String,
    },
    /// Delete a basket and its file; needs --yes, since the file is your data.
    Delete {
        /// The basket id.
        id: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
    /// Create or replace a basket from a constituent list (CSV or Excel): a `symbol` (or 代码)
    /// column, optional name, name_en, segment, weight (名称, 行业, 权重).
    ///
    /// A replaced basket keeps its name, description and method; --dry-run shows the
    /// difference (added, removed, changed) and writes nothing.
    Import {
        /// The basket id; a new id creates the basket.
        id: String,
        /// The constituent list.
        file: PathBuf,
        /// Show what would change; write nothing.
        #[arg(long = "dry-run")]
        dry_run: bool,
        /// The market of bare codes: hk reads 700 as 0700.HK.
        #[arg(long, value_name = "hk|cn")]
        market: Option<Market>,
    },
    /// Write a basket's constituent list as CSV (symbol,name,name_en,segment,weight): the table
    /// `basket import` reads.
    Export {
        /// The basket id.
        #[arg(value_parser = BasketId::parse)]
        id: BasketId,
        /// The output file (CSV).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Duplicate a basket (`copy ID NEW_ID`), or copy a member to another basket
    /// (`copy ID SYMBOL --to OTHER`, with --move to take it out of ID).
    Copy {
        /// The basket id.
        id: String,
        /// The new basket's id, or with --to the member's symbol.
        #[arg(value_name = "NEW_ID|SYMBOL")]
        target: String,
        /// Copy the member SYMBOL into this basket.
        #[arg(long, value_name = "OTHER")]
        to: Option<String>,
        /// With --to: move the member instead of copying it.
        #[arg(long = "move", requires = "to")]
        move_member: bool,
    },
}
