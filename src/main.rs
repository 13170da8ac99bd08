//! `jiuzhu` — the command-line face of the rules engine.
//!
//! ```text
//! jiuzhu evaluate [FILE|-]            one household (JSON) in, the result (JSON) out
//! jiuzhu evaluate --batch [FILE|-]    JSON lines in, statuses-only JSON lines out
//!                                     (`--full` for full results; errors as {"line","error"})
//! jiuzhu regions                      every region with data
//! jiuzhu regions CODE [--date D]      one region's parameters in force on D, with sources
//! jiuzhu regions --markdown           docs/parameters.md (every region's data, generated)
//! jiuzhu samples                      the sample households
//! ```
//! Invalid input exits with status 2 and one line on stderr naming the field and the problem.

mod parameters_doc;

use jiuzhu::rules::{self, params, samples, Date};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: jiuzhu evaluate [--batch [--full]] [FILE|-] | jiuzhu regions [CODE] [--date YYYY-MM-DD] | jiuzhu regions --markdown | jiuzhu samples";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("jiuzhu: {msg}");
            ExitCode::from(2)
        }
    }
}

fn open(path: Option<&str>) -> Result<Box<dyn BufRead>, String> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(p) => std::fs::File::open(p)
            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| format!("{p}: {e}")),
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("evaluate") => {
            let batch = args.iter().any(|a| a == "--batch");
            let full = args.iter().any(|a| a == "--full");
            let files: Vec<&str> = args[1..]
                .iter()
                .map(String::as_str)
                .filter(|a| *a != "--batch" && *a != "--full")
                .collect();
            if files.len() > 1 {
                return Err(USAGE.into());
            }
            let input = open(files.first().copied())?;
            if batch {
                batch_eval(input, full)
            } else {
                single(input)
            }
        }
        Some("regions") => regions(&args[1..]),
        Some("samples") => {
            for s in samples::all() {
                println!("{}\t{}\t{}", s.id, s.title_zh, s.title_en);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.into()),
    }
}

fn single(mut input: Box<dyn BufRead>) -> Result<ExitCode, String> {
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read input: {e}"))?;
    let result = rules::evaluate_json(&text).map_err(|e| e.to_string())?;
    let out = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// One JSON document per line; each output line is a statuses-only summary (the full result
/// with `--full`) or `{"line":N,"error":{...}}`. One line buffer is reused for the whole input
/// and output goes through one locked, buffered writer.
fn batch_eval(mut input: Box<dyn BufRead>, full: bool) -> Result<ExitCode, String> {
    let today = Date::today();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    let mut line = String::new();
    let mut i = 0usize;
    loop {
        line.clear();
        let read = input
            .read_line(&mut line)
            .map_err(|e| format!("line {}: {e}", i + 1))?;
        if read == 0 {
            break;
        }
        i += 1;
        if line.trim().is_empty() {
            continue;
        }
        let result = rules::validate::parse(&line).and_then(|h| {
            if full {
                rules::evaluate_on(&h, today)
            } else {
                rules::evaluate_quiet(&h, today)
            }
        });
        match result {
            Ok(r) if full => serde_json::to_writer(&mut out, &r).map_err(|e| e.to_string())?,
            Ok(r) => {
                serde_json::to_writer(&mut out, &r.into_summary()).map_err(|e| e.to_string())?
            }
            Err(e) => {
                failed = true;
                let err = serde_json::json!({"line": i, "error": {"field": e.field, "zh": e.message_zh, "en": e.message_en}});
                serde_json::to_writer(&mut out, &err).map_err(|e| e.to_string())?;
            }
        }
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn regions(args: &[String]) -> Result<ExitCode, String> {
    if args.iter().any(|a| a == "--markdown") {
        if args.len() > 1 {
            return Err(USAGE.into());
        }
        print!("{}", parameters_doc::markdown());
        return Ok(ExitCode::SUCCESS);
    }
    let mut date = Date::today();
    let mut code = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--date" {
            let d = it.next().ok_or("--date needs YYYY-MM-DD")?;
            date =
                Date::parse(d).ok_or_else(|| format!("invalid date `{d}`, expected YYYY-MM-DD"))?;
        } else if code.is_none() {
            code = Some(a.clone());
        } else {
            return Err(USAGE.into());
        }
    }
    let cat = params::catalogue();
    let Some(code) = code else {
        for r in params::region_list() {
            println!("{}\t{}\t{}\t{}", r.code, r.level, r.name_zh, r.name_en);
        }
        return Ok(ExitCode::SUCCESS);
    };
    let p = params::Params::new(&code, date, Default::default())
        .ok_or_else(|| format!("unknown region code {code} (run `jiuzhu regions` for the list)"))?;
    let chain: Vec<String> = cat
        .chain(&code)
        .iter()
        .map(|r| format!("{} {}", r.code, r.name_zh))
        .collect();
    println!("# {} — parameters in force on {date}", chain.join(" → "));
    for name in cat.defs.keys() {
        let r = p.get(name);
        let u = r.to_use();
        println!(
            "{name}\t{}\t{}\t{:?}\t{}\t{}\t{} [{}]",
            u.value,
            u.unit,
            u.standing,
            u.region.unwrap_or_default(),
            u.effective.map(|d| d.to_string()).unwrap_or_default(),
            u.source.document,
            u.confidence
        );
    }
    Ok(ExitCode::SUCCESS)
}
