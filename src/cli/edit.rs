//! `spillover basket create|add|remove|set|rename|delete|copy` and
//! `spillover watchlist list|add|set|remove|report`: the scriptable twin of
//! editing in the panes, through the same [`apply`] and the same safe save.

use anyhow::bail;
use serde::Serialize;

use super::args::{BasketCommand, WatchlistCommand};
use super::save::commit;
use super::text::{Align, Table, clip};
use crate::domain::edit::complete::{known_symbols, matching};
use crate::domain::edit::{
    BasketField, BasketValue, Edit, EditError, EventField, EventValue, Field, MemberField,
    MemberValue, parse_basket_id, parse_symbol, parse_weight,
};
use crate::domain::{EarningsEvent, Member, Session, parse_date};
use crate::store::Workspace;

/// Runs a basket edit (list and show are handled by the caller) and says
/// what changed and which file was written.
pub fn basket(ws: &mut Workspace, mut command: BasketCommand) -> anyhow::Result<String> {
    if let BasketCommand::Import {
        id,
        file,
        dry_run,
        market,
    } = &command
    {
        let (edits, diff) =
            super::import::basket_import_edits(ws, id, file, market.unwrap_or_default())?;
        if *dry_run {
            return Ok(format!("dry run, nothing written: {diff}\n"));
        }
        let done = commit(ws, edits)?;
        return Ok(format!("{diff}\n{done}"));
    }
    if let BasketCommand::Add { symbol, name, .. } = &mut command {
        match crate::domain::Symbol::parse(symbol) {
            Err(_) => suggest_symbol(ws, symbol)?,
            Ok(parsed) if name.is_none() => {
                *name = Some(super::import::default_name(ws, &parsed));
            }
            Ok(_) => {}
        }
    }
    let edits = basket_edits(command)?;
    commit(ws, edits)
}

/// A name typed where a symbol belongs (`中际`, `innolight`): say which
/// symbols it names, the way the workstation's completion would find them.
fn suggest_symbol(ws: &Workspace, typed: &str) -> anyhow::Result<()> {
    let known = known_symbols(&ws.baskets, &ws.store.cached_symbols().0);
    let found = matching(&known, typed);
    if found.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = found
        .iter()
        .map(|c| {
            format!(
                "{} ({})",
                c.symbol,
                if c.name.is_empty() {
                    &c.name_en
                } else {
                    &c.name
                }
            )
        })
        .collect();
    anyhow::bail!(
        "{typed:?} is a name, not a symbol; it matches {}: pass the symbol itself",
        names.join(", ")
    )
}

/// Runs a watchlist command: the listing, or an edit.
pub fn watchlist(ws: &mut Workspace, command: WatchlistCommand) -> anyhow::Result<String> {
    let edit = match command {
        WatchlistCommand::List { json } => return watchlist_list(ws, json),
        WatchlistCommand::Plan(args) => return super::plan::run(ws, &args),
        WatchlistCommand::Add {
            symbol,
            name,
            date,
            session,
            period,
            capex_last,
            guidance,
            watch,
        } => Edit::AddEvent {
            event: EarningsEvent {
                symbol: parse_symbol(&symbol)?,
                name,
                date: parse_date(&date).map_err(|m| EditError::at(Field::Date, m))?,
                session: session
                    .parse::<Session>()
                    .map_err(|m| EditError::at(Field::Session, m))?,
                period: period.unwrap_or_default(),
                capex_last: capex_last.unwrap_or_default(),
                guidance: guidance.unwrap_or_default(),
                watch: watch.unwrap_or_default(),
                outcome: String::new(),
                capex_reported: String::new(),
                guidance_change: String::new(),
                estimated: false,
            },
        },
        WatchlistCommand::Set {
            index,
            field,
            value,
        } => {
            let field = field
                .parse::<EventField>()
                .map_err(|m| EditError::at(Field::FieldName, m))?;
            Edit::SetEvent {
                index: event_index(&index)?,
                value: EventValue::parse(field, &value)?,
            }
        }
        WatchlistCommand::Remove { index } => Edit::RemoveEvent {
            index: event_index(&index)?,
        },
        WatchlistCommand::Report {
            index,
            outcome,
            capex,
            guidance,
        } => Edit::RecordOutcome {
            index: event_index(&index)?,
            outcome,
            capex,
            guidance,
        },
    };
    commit(ws, vec![edit])
}

/// The edits a basket command stands for (one, or a create followed by the
/// fields given with it), each validated by [`apply`].
fn basket_edits(command: BasketCommand) -> anyhow::Result<Vec<Edit>> {
    let edits = match command {
        BasketCommand::List
        | BasketCommand::Show { .. }
        | BasketCommand::Export { .. }
        | BasketCommand::Import { .. } => {
            unreachable!("list, show, export and import are run by the caller")
        }
        BasketCommand::Create {
            id,
            name,
            method,
            description,
        } => create_edits(&id, name, method, description)?,
        BasketCommand::Add {
            id,
            symbol,
            name,
            name_en,
            segment,
            weight,
        } => {
            let mut member = Member::new(parse_symbol(&symbol)?, &name.unwrap_or_default());
            member.name_en = name_en.unwrap_or_default().trim().to_string();
            member.segment = segment.unwrap_or_default().trim().to_string();
            member.weight = parse_weight(&weight.unwrap_or_default())?;
            vec![Edit::AddMember {
                basket: parse_basket_id(&id)?,
                member,
            }]
        }
        BasketCommand::Remove { id, symbol } => vec![Edit::RemoveMember {
            basket: parse_basket_id(&id)?,
            symbol: parse_symbol(&symbol)?,
        }],
        BasketCommand::Set {
            id,
            member,
            name,
            description,
            method,
        } => vec![set_edit(&id, member.as_deref(), name, description, method)?],
        BasketCommand::Rename { id, new_id } => vec![Edit::RenameBasket {
            from: parse_basket_id(&id)?,
            to: parse_basket_id(&new_id)?,
        }],
        BasketCommand::Delete { id, yes } => {
            let id = parse_basket_id(&id)?;
            if !yes {
                bail!(
                    "deleting {id} removes its file baskets/{id}.toml; run `spillover basket delete {id} --yes` to confirm"
                );
            }
            vec![Edit::DeleteBasket { id }]
        }
        BasketCommand::Copy {
            id,
            target,
            to,
            move_member,
        } => vec![copy_edit(&id, &target, to.as_deref(), move_member)?],
    };
    Ok(edits)
}

/// `basket create`: the basket, then each field given with it.
fn create_edits(
    id: &str,
    name: Option<String>,
    method: Option<String>,
    description: Option<String>,
) -> anyhow::Result<Vec<Edit>> {
    let id = parse_basket_id(id)?;
    let name = name.unwrap_or_else(|| id.to_string());
    let mut edits = vec![Edit::CreateBasket {
        id: id.clone(),
        name,
    }];
    let fields = [
        (BasketField::Method, method),
        (BasketField::Description, description),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            let id = id.clone();
            let value = BasketValue::parse(field, &value)?;
            edits.push(Edit::SetBasket { id, value });
        }
    }
    Ok(edits)
}

/// `basket set`: a member's field (`ID SYMBOL FIELD VALUE`), or the first
/// basket field given as an option.
fn set_edit(
    id: &str,
    member: Option<&[String]>,
    name: Option<String>,
    description: Option<String>,
    method: Option<String>,
) -> anyhow::Result<Edit> {
    let id = parse_basket_id(id)?;
    Ok(match (member, name, description, method) {
        (Some([symbol, field, value]), ..) => {
            let symbol = parse_symbol(symbol)?;
            let field = field
                .parse::<MemberField>()
                .map_err(|m| EditError::at(Field::FieldName, m))?;
            Edit::SetMember {
                basket: id,
                value: MemberValue::parse(&symbol, field, value)?,
                symbol,
            }
        }
        (_, Some(value), ..) => Edit::SetBasket {
            id,
            value: BasketValue::parse(BasketField::Name, &value)?,
        },
        (_, _, Some(value), _) => Edit::SetBasket {
            id,
            value: BasketValue::parse(BasketField::Description, &value)?,
        },
        (_, _, _, Some(value)) => Edit::SetBasket {
            id,
            value: BasketValue::parse(BasketField::Method, &value)?,
        },
        _ => bail!(
            "say what to set: `basket set ID SYMBOL FIELD VALUE` for a member, or --name, --description or --method for the basket"
        ),
    })
}

/// `basket copy`: the whole basket to a new id, or (with `--to`) one member
/// copied or moved to another basket.
fn copy_edit(id: &str, target: &str, to: Option<&str>, move_member: bool) -> anyhow::Result<Edit> {
    let from = parse_basket_id(id)?;
    Ok(match to {
        None => Edit::DuplicateBasket {
            from,
            to: parse_basket_id(target)?,
        },
        Some(to) => {
            let to = parse_basket_id(to)?;
            let symbol = parse_symbol(target)?;
            if move_member {
                Edit::MoveMember { from, to, symbol }
            } else {
                Edit::CopyMember { from, to, symbol }
            }
        }
    })
}

/// An event's number as `watchlist list` shows it (from 1), as an index.
fn event_index(text: &str) -> Result<usize, EditError> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n - 1),
        _ => Err(EditError::at(
            Field::Index,
            format!(
                "event number {text:?} is not valid; use a number from `spillover watchlist list`, e.g. 1"
            ),
        )),
    }
}

#[derive(Serialize)]
struct NumberedEvent<'a> {
    number: usize,
    #[serde(flatten)]
    event: &'a EarningsEvent,
}

fn watchlist_list(ws: &Workspace, json: bool) -> anyhow::Result<String> {
    let events = &ws.watchlist.events;
    if events.is_empty()
        && let Err(e) = ws.store.load_watchlist()
    {
        // Not empty: unreadable. Saying "empty" would send the user to `add`,
        // which is refused for the same reason.
        bail!("the watchlist could not be read: {e}; fix the file and list again");
    }
    if json {
        let rows: Vec<NumberedEvent> = events
            .iter()
            .enumerate()
            .map(|(i, event)| NumberedEvent {
                number: i + 1,
                event,
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n");
    }
    if events.is_empty() {
        return Ok("the watchlist is empty; add an event with `spillover watchlist add`\n".into());
    }
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("date", Align::Left),
        ("session", Align::Left),
        ("symbol", Align::Left),
        ("name", Align::Left),
        ("period", Align::Left),
        ("outcome", Align::Left),
    ]);
    for (i, e) in events.iter().enumerate() {
        table.row(vec![
            (i + 1).to_string(),
            if e.estimated {
                format!("{} est.", e.date)
            } else {
                e.date.to_string()
            },
            e.session.to_string(),
            e.symbol.to_string(),
            e.name.clone(),
            e.period.clone(),
            clip(&e.outcome, 48),
        ]);
    }
    Ok(table.render(""))
}
