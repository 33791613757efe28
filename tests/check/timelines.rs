//! The book's timelines: a picture of a listing's run, one row a task, drawn from
//! the listing's own traced run and committed as
//! `listings/<chapter>/timelines/<name>.svg`.
//!
//! With `TIMELINE=<file>` set, a listing writes each of its log events there as a
//! `course_support::TimelineEvent` (the support crate's `init_logging`, rows `task
//! 1`, `task 2`, … or `main`); the quote service writes when each request starts and
//! ends (rows `request 1`, `request 2`, …). A check per timeline (`model.rs`
//! says which listings have one) runs its listing again, and fails when the picture
//! is stale. `BLESS=1 cargo test` redraws them.
//!
//! Each picture carries the trace it was drawn from, in a comment at its end, so
//! that the test can check both halves: the picture is what its trace draws, and the
//! trace is what the listing does today.

use std::fmt::Write;
use std::path::PathBuf;

use course_support::TimelineEvent as Event;

use crate::common::{Listing, bless, diff, listings, relative, root};
use crate::model::Clock;
use crate::{Check, runner};

/// A check for each listing whose timeline the book draws.
pub fn checks() -> Vec<Check> {
    listings()
        .into_iter()
        .filter_map(|listing| {
            let clock = listing.facts().timeline?;
            let package = listing.chapter.clone();
            let group = runner::group(&listing, clock);
            Some(
                Check::new("timeline", listing.id(), move || check(&listing, clock))
                    .running([package])
                    .in_group(group),
            )
        })
        .chain(crate::asserting!(
            "timeline drawing",
            a_picture_carries_the_trace_it_was_drawn_from,
            the_shape_of_a_run_keeps_order_and_overlap_but_not_figures,
            the_axis_ends_on_a_round_figure,
        ))
        .collect()
}

fn svg_file(listing: &Listing) -> PathBuf {
    root().join(format!(
        "listings/{}/timelines/{}.svg",
        listing.chapter, listing.name
    ))
}

fn check(listing: &Listing, clock: Clock) -> Result<(), String> {
    let fresh = run(listing, clock)?;
    let file = svg_file(listing);
    let title = format!("{}, {}", listing.name, listing.chapter);
    if bless() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, render(&title, &fresh)).unwrap();
        return Ok(());
    }
    let committed = std::fs::read_to_string(&file)
        .map_err(|err| format!("{}: cannot read: {err}", relative(&file)))?;
    let drawn = trace_of(&committed)
        .ok_or_else(|| format!("{}: carries no trace", relative(&file)))?;
    // The picture is what its trace draws (nobody edited it by hand)...
    let redrawn = render(&title, &drawn);
    if redrawn != committed {
        return Err(format!(
            "{}: the picture is not what its trace draws\n{}",
            relative(&file),
            diff(&file, &committed, &redrawn)
        ));
    }
    // ...and the trace is what the listing does today.
    let (expected, actual) = match clock {
        Clock::Paused => (to_text(&drawn), to_text(&fresh)),
        Clock::Real => (shape(&drawn), shape(&fresh)),
    };
    if expected != actual {
        return Err(format!(
            "{}: a fresh run of {} differs ({clock:?} clock)\n{}",
            relative(&file),
            listing.id(),
            diff(&file, &expected, &actual)
        ));
    }
    Ok(())
}

/// Runs the listing with `TIMELINE` set, and reads the trace it wrote.
fn run(listing: &Listing, clock: Clock) -> Result<Vec<Event>, String> {
    let trace = tempfile::NamedTempFile::new().unwrap();
    let mut command = runner::command(listing, clock);
    command.env("TIMELINE", trace.path());
    let _turn = runner::turn(runner::group(listing, clock));
    runner::run(listing, command)?;
    let events = parse(&std::fs::read_to_string(trace.path()).unwrap());
    if events.is_empty() {
        return Err(format!("{}: wrote no timeline", listing.id()));
    }
    Ok(events)
}

fn parse(text: &str) -> Vec<Event> {
    Event::parse_all(text)
}

fn to_text(events: &[Event]) -> String {
    events.iter().map(|event| format!("{event}\n")).collect()
}

/// The rows, each with its events in order: first the threads (`main`), then the
/// tasks and requests by number.
fn rows(events: &[Event]) -> Vec<(&str, Vec<&Event>)> {
    let mut rows: Vec<(&str, Vec<&Event>)> = Vec::new();
    for event in events {
        match rows.iter_mut().find(|(row, _)| *row == event.row) {
            Some((_, row_events)) => row_events.push(event),
            None => rows.push((&event.row, vec![event])),
        }
    }
    // `task 10` after `task 9`: by the number after the last space, if any.
    rows.sort_by_key(|(row, _)| {
        let number = row
            .rsplit_once(' ')
            .and_then(|(_, n)| n.parse::<u64>().ok());
        (number.is_some(), number, row.to_string())
    });
    rows
}

/// What a real-time run must keep from one run to the next: each row with its labels
/// in order (digits masked, as a label may count something timed), and how many rows
/// were busy at once at most. A row is busy from its first event to its last.
fn shape(events: &[Event]) -> String {
    let mut text = String::new();
    for (row, row_events) in rows(events) {
        let labels: Vec<String> = row_events
            .iter()
            .map(|event| event.label.replace(|c: char| c.is_ascii_digit(), "#"))
            .collect();
        writeln!(text, "{row}: {}", labels.join(" | ")).unwrap();
    }
    writeln!(text, "busy at once, at most: {}", most_busy_at_once(events)).unwrap();
    text
}

fn most_busy_at_once(events: &[Event]) -> usize {
    // (time, +1 or -1): where a row ends at the very time another starts, the end
    // counts first, so one task handing over to the next is not two at once.
    let mut changes: Vec<(f64, i32)> = Vec::new();
    for (_, row_events) in rows(events) {
        let (first, last) = (row_events[0], row_events[row_events.len() - 1]);
        if row_events.len() > 1 {
            changes.push((first.seconds, 1));
            changes.push((last.seconds, -1));
        }
    }
    changes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut busy, mut most) = (0, 0);
    for (_, change) in changes {
        busy += change;
        most = most.max(busy);
    }
    most as usize
}

// The picture's layout, in SVG units.
const WIDTH: f64 = 640.0;
const LEFT: f64 = 90.0; // the row names
const RIGHT: f64 = 24.0;
const TOP: f64 = 14.0;
const ROW: f64 = 40.0;
const ROW_UNLABELLED: f64 = 26.0;
const AXIS: f64 = 40.0;
/// About how wide a letter of a label is, at the picture's font size.
const LETTER: f64 = 6.5;
const TRACE_START: &str = "<!-- trace\n";

/// Where things go in a picture: the height of a row, the time axis, and the
/// picture's height.
struct Layout {
    row_height: f64,
    /// Seconds between two ticks of the axis, and the seconds it spans.
    step: f64,
    span: f64,
    rows: usize,
}

impl Layout {
    fn of(events: &[Event], rows: usize) -> Layout {
        // Rows without labels (requests) can sit closer together.
        let row_height = if events.iter().any(|event| !event.label.is_empty()) {
            ROW
        } else {
            ROW_UNLABELLED
        };
        let end = events.iter().map(|event| event.seconds).fold(0.0, f64::max);
        let (step, span) = axis(end);
        Layout {
            row_height,
            step,
            span,
            rows,
        }
    }

    /// Where a time falls across the picture.
    fn x(&self, seconds: f64) -> f64 {
        LEFT + seconds / self.span * (WIDTH - LEFT - RIGHT)
    }

    /// Where the line of row `index` runs down the picture.
    fn row_y(&self, index: usize) -> f64 {
        TOP + self.row_height * (index as f64 + 0.5) + 6.0
    }

    fn axis_y(&self) -> f64 {
        TOP + self.row_height * self.rows as f64 + 14.0
    }

    fn height(&self) -> f64 {
        TOP + self.row_height * self.rows as f64 + AXIS
    }
}

/// Draws the trace: one row a task, a dot a log event with its message above it, and
/// a bar from each event to the next on the same row; under them, the time axis.
/// Colours come from `theme/course.css` (the `timeline` rules), so they follow the
/// book's theme; the attributes here are for the file seen on its own.
fn render(title: &str, events: &[Event]) -> String {
    let rows = rows(events);
    let layout = Layout::of(events, rows.len());
    let mut svg = String::new();
    writeln!(
        svg,
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {}" role="img" font-family="sans-serif" font-size="12">"#,
        layout.height()
    )
    .unwrap();
    writeln!(
        svg,
        "<title>Timeline of {}: one row a task</title>",
        escape(title)
    )
    .unwrap();
    for (index, (row, row_events)) in rows.iter().enumerate() {
        draw_row(&mut svg, &layout, layout.row_y(index), row, row_events);
    }
    draw_axis(&mut svg, &layout);
    svg.push_str(TRACE_START);
    let trace = to_text(events);
    assert!(!trace.contains("--"), "a trace may not hold `--`: {trace}");
    svg.push_str(&trace);
    svg.push_str("-->\n</svg>\n");
    svg
}

/// A row: its name, its lane, a bar between each two events, and each event's dot
/// and label.
fn draw_row(
    svg: &mut String,
    layout: &Layout,
    y: f64,
    row: &str,
    events: &[&Event],
) {
    writeln!(
        svg,
        r#"<text class="row" x="{}" y="{}" text-anchor="end">{}</text>"#,
        LEFT - 10.0,
        y + 4.0,
        escape(row)
    )
    .unwrap();
    writeln!(
        svg,
        r##"<line class="lane" x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="#ccc"/>"##,
        WIDTH - RIGHT
    )
    .unwrap();
    for pair in events.windows(2) {
        writeln!(
            svg,
            r##"<line class="busy" x1="{:.1}" y1="{y}" x2="{:.1}" y2="{y}" stroke="#4a90d9" stroke-width="6"/>"##,
            layout.x(pair[0].seconds),
            layout.x(pair[1].seconds)
        )
        .unwrap();
    }
    // Where the last label above this row ends: a label that would overlap it goes
    // below the row instead.
    let mut above_until = f64::MIN;
    for event in events {
        let cx = layout.x(event.seconds);
        writeln!(
            svg,
            r##"<circle class="event" cx="{cx:.1}" cy="{y}" r="4" fill="#1f5f9f"><title>{}, {:.3}s: {}</title></circle>"##,
            escape(row),
            event.seconds,
            escape(&event.label)
        )
        .unwrap();
        if !event.label.is_empty() {
            draw_label(svg, cx, y, &event.label, &mut above_until);
        }
    }
}

/// An event's label, centred on its dot at `cx` unless that takes it out of the
/// picture; above the row if it clears the label before it there (which ends at
/// `above_until`), below it if not.
fn draw_label(
    svg: &mut String,
    cx: f64,
    y: f64,
    label: &str,
    above_until: &mut f64,
) {
    let label = short(label);
    let half = LETTER * label.chars().count() as f64 / 2.0;
    let (anchor, from, to) = if cx - half < LEFT - 40.0 {
        ("start", cx, cx + 2.0 * half)
    } else if cx + half > WIDTH {
        ("end", cx - 2.0 * half, cx)
    } else {
        ("middle", cx - half, cx + half)
    };
    let label_y = if from > *above_until + 8.0 {
        *above_until = to;
        y - 9.0
    } else {
        y + 19.0
    };
    writeln!(
        svg,
        r#"<text class="label" x="{cx:.1}" y="{label_y}" text-anchor="{anchor}">{}</text>"#,
        escape(&label)
    )
    .unwrap();
}

/// The time axis under the rows, a tick and its time at each step.
fn draw_axis(svg: &mut String, layout: &Layout) {
    let axis_y = layout.axis_y();
    writeln!(
        svg,
        r##"<line class="axis" x1="{LEFT}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#888"/>"##,
        WIDTH - RIGHT
    )
    .unwrap();
    let steps = (layout.span / layout.step).round() as u32;
    for n in 0..=steps {
        let seconds = layout.step * f64::from(n);
        let tick = layout.x(seconds);
        writeln!(
            svg,
            r##"<line class="axis" x1="{tick:.1}" y1="{axis_y}" x2="{tick:.1}" y2="{}" stroke="#888"/>"##,
            axis_y + 5.0
        )
        .unwrap();
        writeln!(
            svg,
            r#"<text class="tick" x="{tick:.1}" y="{}" text-anchor="middle">{}</text>"#,
            axis_y + 19.0,
            seconds_label(seconds)
        )
        .unwrap();
    }
}

/// The trace a picture was drawn from.
fn trace_of(svg: &str) -> Option<Vec<Event>> {
    let (_, rest) = svg.split_once(TRACE_START)?;
    let (trace, _) = rest.split_once("-->")?;
    Some(parse(trace))
}

/// The time axis for a run that ends at `end`: a round step between ticks (1, 2 or 5
/// times a power of ten) that cuts it into at most five, and the span, a whole
/// number of steps that reaches `end`.
fn axis(end: f64) -> (f64, f64) {
    let least = end.max(0.001) / 5.0;
    let power = 10f64.powf(least.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * power)
        .find(|step| *step >= least - 1e-9)
        .unwrap();
    (step, (end / step - 1e-9).ceil().max(1.0) * step)
}

fn seconds_label(seconds: f64) -> String {
    let text = format!("{seconds:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

/// A label short enough to sit above its dot.
fn short(label: &str) -> String {
    const MAX: usize = 48;
    if label.chars().count() <= MAX {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn a_picture_carries_the_trace_it_was_drawn_from() {
    let events =
        parse("0.000\ttask 1\tHello\n0.000\ttask 2\tHello\n1.001\ttask 1\tWorld\n");
    let svg = render("test", &events);
    assert_eq!(trace_of(&svg), Some(events));
    assert!(
        !svg.contains("\n\n"),
        "a blank line would end the HTML block in Markdown"
    );
}

fn the_shape_of_a_run_keeps_order_and_overlap_but_not_figures() {
    let one_at_a_time = parse("0.000\tmain\tHello\n1.001\tmain\tWorld\n");
    let slower = parse("0.000\tmain\tHello\n1.180\tmain\tWorld\n");
    assert_eq!(shape(&one_at_a_time), shape(&slower));

    // Two requests one after the other, then the same two at once.
    let sequential = parse(
        "0\trequest 1\t\n0.1\trequest 1\t\n0.1\trequest 2\t\n0.2\trequest 2\t\n",
    );
    let concurrent = parse(
        "0\trequest 1\t\n0\trequest 2\t\n0.1\trequest 1\t\n0.1\trequest 2\t\n",
    );
    assert_eq!(most_busy_at_once(&sequential), 1);
    assert_eq!(most_busy_at_once(&concurrent), 2);
    assert_ne!(shape(&sequential), shape(&concurrent));
}

fn the_axis_ends_on_a_round_figure() {
    let close = |(step, span): (f64, f64), expected: (f64, f64)| {
        (step - expected.0).abs() < 1e-9 && (span - expected.1).abs() < 1e-9
    };
    assert!(close(axis(1.001), (0.5, 1.5)));
    assert!(close(axis(1.0), (0.2, 1.0)));
    assert!(close(axis(0.104), (0.05, 0.15)));
    assert!(close(axis(2.003), (0.5, 2.5)));
    assert!(close(axis(0.0), (0.0002, 0.0002)));
    assert_eq!(seconds_label(0.25), "0.25 s");
    assert_eq!(seconds_label(0.0), "0 s");
}
