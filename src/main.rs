//! `jiuzhu` — the command-line face of the rules engine.
//!
//! ```text
//! jiuzhu evaluate [FILE|-]            one household (JSON) in, the result (JSON) out
//! jiuzhu evaluate --batch [FILE|-]    JSON lines in, statuses-only JSON lines out
//!                                     (`--full` for full results; errors as {"line","error"})
//! jiuzhu regions                      every division (GB/T 2260 tree), marked where it has data
//! jiuzhu regions --data               only the regions with data of their own
//! jiuzhu regions --coverage [--date D] per prefecture: own standards (current or older), the
//!                                     province's borrowed, or nothing known — with counts
//! jiuzhu regions CODE [--date D]      the chain a region inherits from and its parameters in
//!                                     force on D, each with the level it comes from and source
//! jiuzhu regions --markdown           docs/parameters.md (every region's data, generated)
//! jiuzhu regions --check [--date D]   data loads; every value stale on D (default today)
//! jiuzhu samples                      the sample households
//! ```
//! Invalid input exits with status 2 and one line on stderr naming the field and the problem.
//! `--batch` writes exactly one line per input line (a blank, non-UTF-8 or oversized line gets
//! its own error line) and exits 1 if any line failed. A closed pipe (`| head`) ends quietly;
//! any other write failure (a full disk) is a message, never a panic. Limits: docs/schema.md.

mod coverage;
mod parameters_doc;

use jiuzhu::rules::json_input::echo;
use jiuzhu::rules::validate::MAX_DOCUMENT_BYTES;
use jiuzhu::rules::{self, params, samples, Date, InputError};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: jiuzhu evaluate [--batch [--full]] [FILE|-] | jiuzhu regions [--data | --coverage] [CODE] [--date YYYY-MM-DD] | jiuzhu regions --markdown | jiuzhu regions --check [--date YYYY-MM-DD] | jiuzhu samples";

/// Why the program stops early.
enum Stop {
    /// A message for stderr; exit status 2.
    Error(String),
    /// The reader of our output went away (`| head`): a normal end, said nothing.
    Closed,
}

impl From<String> for Stop {
    fn from(m: String) -> Stop {
        Stop::Error(m)
    }
}

impl From<&str> for Stop {
    fn from(m: &str) -> Stop {
        Stop::Error(m.into())
    }
}

/// A failed write to stdout: a closed pipe ends quietly, anything else (a full disk) is an
/// error message.
fn write_failed(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Error(format!("cannot write the output: {e}"))
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Stop::Closed) => ExitCode::SUCCESS,
        Err(Stop::Error(msg)) => {
            // stderr may be closed too; nothing more can be said then.
            let _ = writeln!(io::stderr(), "jiuzhu: {msg}");
            ExitCode::from(2)
        }
    }
}

type Input = BufReader<Box<dyn Read>>;

fn open(path: Option<&str>) -> Result<Input, String> {
    let inner: Box<dyn Read> = match path {
        None | Some("-") => Box::new(io::stdin()),
        Some(p) => Box::new(std::fs::File::open(p).map_err(|e| format!("{}: {e}", echo(p)))?),
    };
    Ok(BufReader::with_capacity(1 << 16, inner))
}

fn run(args: &[String]) -> Result<ExitCode, Stop> {
    match args.first().map(String::as_str) {
        Some("evaluate") => {
            let mut batch = false;
            let mut full = false;
            let mut files = Vec::new();
            for a in &args[1..] {
                match a.as_str() {
                    "--batch" => batch = true,
                    "--full" => full = true,
                    "-" => files.push(a.as_str()),
                    f if f.starts_with('-') => {
                        return Err(format!("unknown option `{}`\n{USAGE}", echo(f)).into())
                    }
                    f => files.push(f),
                }
            }
            if files.len() > 1 || (full && !batch) {
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
            let mut out = io::stdout().lock();
            for s in samples::all() {
                writeln!(out, "{}\t{}\t{}", s.id, s.title_zh, s.title_en).map_err(write_failed)?;
            }
            out.flush().map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
        Some("--help" | "-h" | "help") => {
            writeln!(io::stdout(), "{USAGE}").map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(other) if other.starts_with('-') => {
            Err(format!("unknown option `{}`\n{USAGE}", echo(other)).into())
        }
        _ => Err(USAGE.into()),
    }
}

/// An input error as one line for stderr, with a hint where the CLI has one.
fn error_line(e: &InputError) -> String {
    let hint = if e.field == "region" && e.message_en.starts_with("unknown region") {
        "（运行 jiuzhu regions 查看支持的地区 / run `jiuzhu regions` for the list）"
    } else {
        ""
    };
    format!("{e}{hint}")
}

/// "not UTF-8 at byte N" for a line or document.
fn not_utf8(e: std::str::Utf8Error) -> InputError {
    let at = e.valid_up_to();
    InputError::new(
        "(document)",
        format!("不是 UTF-8 编码的文字（第 {at} 字节处无效）：请以 UTF-8 保存"),
        format!("not UTF-8 text (invalid byte at offset {at}): save the file as UTF-8"),
    )
}

/// A document over the limit; `at_least` when it was not read to its end.
fn too_long(len: usize, at_least: bool) -> InputError {
    let (zh, en) = if at_least {
        ("至少 ", "at least ")
    } else {
        ("", "")
    };
    InputError::new(
        "(document)",
        format!("文档过大（{zh}{len} 字节），上限为 {MAX_DOCUMENT_BYTES} 字节（1 MB）"),
        format!(
            "the document is {en}{len} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes (1 MB)"
        ),
    )
}

fn single(input: Input) -> Result<ExitCode, Stop> {
    let mut bytes = Vec::new();
    input
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read input: {e}"))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(error_line(&too_long(bytes.len(), true)).into());
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| error_line(&not_utf8(e)))?;
    let result = rules::evaluate_json(text).map_err(|e| error_line(&e))?;
    let out = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{out}").map_err(write_failed)?;
    stdout.flush().map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `max` bytes of it and
/// skipping the rest, so a huge line never fills the memory. Returns the line's full length,
/// or `None` at the end of the input.
fn read_line_bounded(r: &mut Input, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (n, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(p) => (p, true),
            None => (chunk.len(), false),
        };
        if buf.len() < max {
            let keep = n.min(max - buf.len());
            buf.extend_from_slice(&chunk[..keep]);
        }
        total = total.saturating_add(n);
        r.consume(n + usize::from(newline));
        if newline {
            return Ok(Some(total));
        }
    }
}

/// One JSON document per line; each output line is a statuses-only summary (the full result
/// with `--full`) or `{"line":N,"error":{...}}`: exactly one output line per input line, blank
/// lines included. Lines are read with a bound ([`MAX_DOCUMENT_BYTES`]); output goes through
/// one buffered writer that is flushed whenever the input has to be read again, so what is
/// computed is written before anything can fail.
fn batch_eval(mut input: Input, full: bool) -> Result<ExitCode, Stop> {
    let today = Date::today();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    let mut line = Vec::new();
    let mut i = 0usize;
    loop {
        if input.buffer().is_empty() {
            out.flush().map_err(write_failed)?;
        }
        let len = match read_line_bounded(&mut input, &mut line, MAX_DOCUMENT_BYTES + 3) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                out.flush().map_err(write_failed)?;
                return Err(format!("line {}: cannot read input: {e}", i + 1).into());
            }
        };
        i += 1;
        let result = if len > MAX_DOCUMENT_BYTES + 3 {
            Err(too_long(len, false))
        } else {
            std::str::from_utf8(&line)
                .map_err(not_utf8)
                .and_then(|text| {
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    if text.trim().is_empty() {
                        return Err(InputError::new(
                            "(document)",
                            "空行：这一行没有家庭信息",
                            "blank line: no household on this line",
                        ));
                    }
                    let h = rules::validate::parse(text)?;
                    if full {
                        rules::evaluate_on(&h, today)
                    } else {
                        rules::evaluate_quiet(&h, today)
                    }
                })
        };
        let written = match result {
            Ok(r) if full => serde_json::to_writer(&mut out, &r),
            Ok(r) => serde_json::to_writer(&mut out, &r.into_summary()),
            Err(e) => {
                failed = true;
                let err = serde_json::json!({"line": i, "error": {"field": e.field, "zh": e.message_zh, "en": e.message_en}});
                serde_json::to_writer(&mut out, &err)
            }
        };
        written.map_err(|e| write_failed(e.into()))?;
        out.write_all(b"\n").map_err(write_failed)?;
    }
    out.flush().map_err(write_failed)?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn regions(args: &[String]) -> Result<ExitCode, Stop> {
    let mut out = BufWriter::new(io::stdout().lock());
    let code = regions_to(args, &mut out)?;
    out.flush().map_err(write_failed)?;
    Ok(code)
}

fn regions_to(args: &[String], out: &mut impl Write) -> Result<ExitCode, Stop> {
    if args.iter().any(|a| a == "--markdown") {
        if args.len() > 1 {
            return Err(USAGE.into());
        }
        write!(out, "{}", parameters_doc::markdown()).map_err(write_failed)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut date = Date::today();
    let mut code = None;
    let mut check = false;
    let mut only_data = false;
    let mut coverage = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--check" {
            check = true;
        } else if a == "--coverage" {
            coverage = true;
        } else if a == "--data" {
            only_data = true;
        } else if a == "--date" {
            let d = it.next().ok_or("--date needs YYYY-MM-DD")?;
            date = Date::parse(d)
                .ok_or_else(|| format!("invalid date `{}`, expected YYYY-MM-DD", echo(d)))?;
        } else if a.starts_with('-') {
            return Err(format!("unknown option `{}`\n{USAGE}", echo(a)).into());
        } else if code.is_none() {
            code = Some(a.clone());
        } else {
            return Err(USAGE.into());
        }
    }
    if check {
        return regions_check(date, code.is_some(), out);
    }
    let cat = params::catalogue();
    if coverage {
        if code.is_some() {
            return Err(USAGE.into());
        }
        write!(out, "{}", coverage::markdown(cat, date)).map_err(write_failed)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(code) = code else {
        if only_data {
            for r in params::region_list() {
                writeln!(out, "{}\t{}\t{}\t{}", r.code, r.level, r.name_zh, r.name_en)
                    .map_err(write_failed)?;
            }
        } else {
            list_tree(cat, out)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let p = params::Params::new(&code, date, Default::default()).ok_or_else(|| {
        format!(
            "unknown region code {}: not a current division code (run `jiuzhu regions` for the list)",
            echo(&code)
        )
    })?;
    let chain: Vec<String> = cat
        .chain(&code)
        .iter()
        .map(|r| format!("{} {}", r.code, r.name_zh))
        .collect();
    writeln!(
        out,
        "# {} — parameters in force on {date}",
        chain.join(" → ")
    )
    .map_err(write_failed)?;
    for r in cat.chain(&code) {
        let own = if cat.regions.contains_key(&r.code) {
            format!("{} values of its own", r.values.len())
        } else {
            "no data of its own: inherits".to_string()
        };
        writeln!(
            out,
            "#   {} {} {} ({}): {own}",
            r.code, r.level, r.name_zh, r.name_en
        )
        .map_err(write_failed)?;
    }
    writeln!(
        out,
        "# name\tvalue\tunit\tstanding\tfrom region\teffective\tsource [confidence]"
    )
    .map_err(write_failed)?;
    for name in cat.defs.keys() {
        let r = p.get(name);
        let u = r.to_use();
        writeln!(
            out,
            "{name}\t{}\t{}\t{:?}\t{}\t{}\t{} [{}]",
            u.value,
            u.unit,
            u.standing,
            u.region.unwrap_or_default(),
            u.effective.map(|d| d.to_string()).unwrap_or_default(),
            u.source.document,
            u.confidence
        )
        .map_err(write_failed)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `jiuzhu regions --check [--date D]`: the data loads, and every value a screening on D would
/// use while out of date is listed (region, parameter, value, effective date, review period).
/// Exit 1 on a data error or a standard that cannot go stale (no review period, no end date);
/// stale values are listed, not errors: a standard goes stale with time alone, and the engine
/// treats a stale line as not firm (docs/reading-the-rules.md "When a standard is out of date").
fn regions_check(date: Date, with_code: bool, out: &mut impl Write) -> Result<ExitCode, Stop> {
    if with_code {
        return Err(USAGE.into());
    }
    let n = params::check_data()?;
    let undated = values_that_cannot_go_stale();
    if !undated.is_empty() {
        return Err(Stop::from(format!(
            "{} values of standards say neither how often they are reviewed (`review_months` \
             on the region or a parent) nor until when they apply (`valid_until`), so a screening \
             cannot tell whether they are current:\n{}",
            undated.len(),
            undated.join("\n")
        )));
    }
    let stale = params::stale_values(date);
    writeln!(
        out,
        "{n} region files load; every standard says when it goes out of date; \
         {} values stale on {date} (used as not firm until refreshed: a household above one by \
         less than the near-line band is 'possible', never 'unlikely')",
        stale.len()
    )
    .map_err(write_failed)?;
    for v in &stale {
        let why = match (v.valid_until, v.review_months) {
            (Some(u), _) if date > u => format!("valid until {u}"),
            (_, Some(m)) => format!("older than the {m}-month review period"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\tfrom {}\t{why}",
            v.region.code, v.region.name_zh, v.name, v.value, v.effective
        )
        .map_err(write_failed)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Every value of a reviewed parameter (a standard, a statistic) whose region chain gives no
/// review period and which has no `valid_until`: nothing tells when it is out of date, so
/// `regions --check` fails on it (`region  parameter  effective`).
fn values_that_cannot_go_stale() -> Vec<String> {
    let cat = params::catalogue();
    let mut out = Vec::new();
    for r in cat.regions.values() {
        let period = cat.review_months(&r.code);
        for e in &r.values {
            let reviewed = cat.defs.get(&e.name).is_some_and(|d| d.reviewed);
            if reviewed && period.is_none() && e.valid_until.is_none() {
                out.push(format!("{}\t{}\tfrom {}", r.code, e.name, e.effective));
            }
        }
    }
    out
}

/// `jiuzhu regions`: the national level and every division of the tree, one per line:
/// code, level, Chinese and English name, parent, and `data` where the region has a parameter
/// file of its own, or `inherits CODE` naming the nearest ancestor that has one.
fn list_tree(cat: &'static params::Catalogue, out: &mut impl Write) -> Result<(), Stop> {
    let national = &cat.regions["000000"];
    writeln!(
        out,
        "000000\tnational\t{}\t{}\t-\tdata",
        national.name_zh, national.name_en
    )
    .map_err(write_failed)?;
    for d in rules::divisions::all() {
        let mark = if cat.regions.contains_key(&d.code) {
            "data".to_string()
        } else {
            let from = cat
                .chain(&d.code)
                .into_iter()
                .find(|r| cat.regions.contains_key(&r.code))
                .map_or("000000", |r| r.code.as_str());
            format!("inherits {from}")
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{mark}",
            d.code,
            rules::divisions::level(&d.code),
            d.name_zh,
            d.name_en,
            d.parent
        )
        .map_err(write_failed)?;
    }
    Ok(())
}
