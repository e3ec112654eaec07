//! The command line's parsing and completion, by example.

use super::*;

fn ids() -> Vec<BasketId> {
    ["na-chain", "domestic-chain", "hstech"]
        .iter()
        .map(|s| BasketId::parse(s).unwrap())
        .collect()
}

#[test]
fn commands_parse_and_refuse_with_a_reason() {
    assert_eq!(
        parse("method file", &ids(), None),
        Ok(Command::Method(None))
    );
    assert_eq!(
        parse("range 6m", &ids(), None),
        Ok(Command::Range(RangePreset::M6))
    );
    assert_eq!(parse("roll 60", &ids(), None), Ok(Command::Roll(60)));
    assert_eq!(
        parse("roll 2", &ids(), None),
        Err(CommandError::BadRoll("2".into()))
    );
    assert!(
        parse("roll 2", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("at least 3")
    );
    assert!(
        parse("pair a b", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("three basket ids")
    );
}

#[test]
fn catalyst_settings_parse_and_refuse() {
    assert_eq!(
        parse("benchmark hstech", &ids(), None),
        Ok(Command::Benchmark(BasketId::parse("hstech").unwrap()))
    );
    assert!(matches!(
        parse("benchmark nope", &ids(), None),
        Err(CommandError::NoSuchBasket { .. })
    ));
    assert_eq!(
        parse("model market", &ids(), None),
        Ok(Command::Model(Model::Market))
    );
    assert!(
        parse("model ols", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("use adjusted or market")
    );
    assert_eq!(parse("beta 120", &ids(), None), Ok(Command::Beta(120)));
    assert_eq!(parse("lags 5", &ids(), None), Ok(Command::Lags(5, None)));
    assert_eq!(
        parse("lags 20 8", &ids(), None),
        Ok(Command::Lags(20, Some(8)))
    );
    for bad in ["lags", "lags 0", "lags 61", "lags 10 21", "lags x"] {
        assert!(
            matches!(parse(bad, &ids(), None), Err(CommandError::BadLags(_))),
            "{bad}"
        );
    }
    assert_eq!(
        parse("beta 5", &ids(), None),
        Err(CommandError::BadBetaWindow("5".into()))
    );
}

#[test]
fn import_and_fetch_parse_and_refuse() {
    assert_eq!(
        parse("import a.csv b.xlsx=0700.HK --market hk", &ids(), None),
        Ok(Command::Import {
            sources: vec![
                Source::parse("a.csv").unwrap(),
                Source::parse("b.xlsx=0700.HK").unwrap()
            ],
            market: Market::Hk,
        })
    );
    assert_eq!(
        parse("import", &ids(), None),
        Err(CommandError::ImportNeedsFiles)
    );
    assert!(
        parse("import a.csv --market mars", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("unknown market")
    );
    assert_eq!(parse("fetch", &ids(), None), Ok(Command::Fetch(None)));
}

#[test]
fn quotes_keep_spaces_and_unknown_names_list_the_commands() {
    // Quotes keep spaces in a word; a backslash is just a character.
    assert_eq!(
        words(r#"import "~/My files/a.csv" 'b c.xlsx' C:\data\d.csv"#),
        Ok(vec![
            "import".to_string(),
            "~/My files/a.csv".into(),
            "b c.xlsx".into(),
            r"C:\data\d.csv".into()
        ])
    );
    assert_eq!(
        words(r#"export "x.svg"#),
        Err(CommandError::UnclosedQuote('"'))
    );
    assert_eq!(
        parse(r#"export "/tmp/my chart.svg""#, &ids(), None),
        Ok(Command::Export("/tmp/my chart.svg".into()))
    );
    assert_eq!(
        parse("fetch hstech", &ids(), None),
        Ok(Command::Fetch(Some(BasketId::parse("hstech").unwrap())))
    );
    assert!(
        parse("fetch nope", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("the baskets are: na-chain")
    );
    assert!(
        parse("nope", &ids(), None)
            .unwrap_err()
            .to_string()
            .contains("the commands are: window")
    );
}

#[test]
fn completion_extends_to_the_common_prefix() {
    assert_eq!(complete("", &ids()), "");
    assert_eq!(complete("r", &ids()), "r");
    assert_eq!(complete("ro", &ids()), "roll ");
    assert_eq!(
        complete("pair na-chain d", &ids()),
        "pair na-chain domestic-chain "
    );
    assert_eq!(complete("method c", &ids()), "method c");
    assert_eq!(complete("method cu", &ids()), "method custom ");
}

#[test]
fn plan_takes_a_season_and_demo_only_remove() {
    let season = |year, month| Command::Plan(crate::domain::Season { year, month });
    assert_eq!(parse("plan 2026-05", &[], None), Ok(season(2026, 5)));
    for bad in ["plan 26-05", "plan 2026-13", "plan May", "plan 2026"] {
        assert!(
            matches!(parse(bad, &[], None), Err(CommandError::BadSeason(_))),
            "{bad}"
        );
    }
    assert!(matches!(
        parse("plan", &[], None),
        Err(CommandError::OneArgument { .. })
    ));
    assert_eq!(parse("demo remove", &[], None), Ok(Command::DemoRemove));
    assert_eq!(
        parse("demo reset", &[], None),
        Err(CommandError::DemoRemoveOnly)
    );
}
