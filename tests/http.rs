//! The HTTP chapters' claims, checked against the book's own quote service on 127.0.0.1:
//! how many requests each listing has in flight at most, how much faster ten requests at
//! once are than one at a time, and one clear line of error when the service cannot be
//! reached, fails, or answers something that is not a quote (naming the missing field
//! when the JSON lacks one).

mod common;

use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use common::{build_listings, target_dir};

/// These tests count requests and time them: they take turns, so that none loads the
/// machine under another.
static TAKE_TURNS: Mutex<()> = Mutex::new(());

/// Runs `serve` on a listener bound to 127.0.0.1, on a thread and runtime of its own,
/// until the test process ends; returns the listener's URL.
fn start<F, S>(serve: F) -> String
where
    F: FnOnce(tokio::net::TcpListener) -> S + Send + 'static,
    S: Future<Output = ()>,
{
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            serve(tokio::net::TcpListener::from_std(listener).unwrap()).await;
        });
    });
    url
}

/// Serves `router` with axum; returns its URL.
fn start_router(router: Router) -> String {
    start(|listener| async move { axum::serve(listener, router).await.unwrap() })
}

/// Starts the book's quote service with the given latency; returns its URL.
fn start_quote_service(latency: Duration) -> String {
    let config = quote_service::Config { latency, seed: 1 };
    start(move |listener| async move { quote_service::serve(listener, config).await.unwrap() })
}

fn max_in_flight(url: &str) -> u64 {
    let stats: serde_json::Value = reqwest::blocking::get(format!("{url}/api/stats"))
        .and_then(|answer| answer.json())
        .unwrap_or_else(|err| panic!("no stats from {url}: {err}"));
    stats["max_in_flight"]
        .as_u64()
        .expect("max_in_flight is a number")
}

/// Runs a listing against the service at `url`, or its own one if `url` is `None`.
fn run(listing: &str, url: Option<&str>) -> Output {
    let mut command = Command::new(target_dir().join(listing));
    command.env_remove("QUOTES_URL").env_remove("PAUSE_CLOCK");
    if let Some(url) = url {
        command.env("QUOTES_URL", url);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn each_listing_has_as_many_requests_in_flight_as_its_chapter_says() {
    let _turn = TAKE_TURNS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    build_listings();
    let expected = [
        ("fetch_sync", 1),
        ("join_set", 10),
        ("futures_unordered", 10),
        ("join_all", 10),
        ("semaphore", 5),
        ("buffer_unordered", 5),
        ("spawn_with_permit", 5),
    ];
    let results: Vec<_> = thread::scope(|scope| {
        let runs: Vec<_> = expected
            .iter()
            .map(|&(listing, most)| {
                scope.spawn(move || {
                    // A service of its own, slow enough that every request the listing
                    // starts together is in flight at once, even on a loaded machine.
                    let url = start_quote_service(Duration::from_millis(300));
                    let output = run(listing, Some(&url));
                    (listing, most, output, max_in_flight(&url))
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for (listing, most, output, seen) in results {
        assert!(
            output.status.success(),
            "{listing} failed: {}",
            text(&output.stderr)
        );
        let quotes = text(&output.stdout)
            .lines()
            .filter(|line| !line.starts_with("Total time") && !line.starts_with("Tasks in"))
            .count();
        assert_eq!(quotes, 10, "{listing} printed {quotes} quotes");
        assert_eq!(
            seen, most,
            "{listing} had {seen} requests in flight at most, not {most}"
        );
    }
}

/// Reads the figure in milliseconds on the line of `measure`'s output that starts with
/// `label`.
fn figure(output: &str, label: &str) -> f64 {
    let line = output
        .lines()
        .find(|line| line.starts_with(label))
        .unwrap_or_else(|| panic!("no line starts with {label:?} in:\n{output}"));
    line[label.len()..]
        .split_whitespace()
        .next()
        .and_then(|number| number.parse().ok())
        .unwrap_or_else(|| panic!("no figure after {label:?} in {line:?}"))
}

#[test]
fn ten_requests_at_once_are_at_least_five_times_as_fast_as_one_at_a_time() {
    let _turn = TAKE_TURNS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    build_listings();
    let output = run("measure", None);
    assert!(
        output.status.success(),
        "measure failed: {}",
        text(&output.stderr)
    );
    let output = text(&output.stdout);
    let one_at_a_time = figure(&output, "ten, one at a time:");
    let at_once = figure(&output, "ten at once:");
    let five_at_a_time = figure(&output, "ten, five at a time:");
    // The service waits 100 ms before each answer: floors that no machine can beat.
    assert!(one_at_a_time >= 1000.0, "{output}");
    assert!(five_at_a_time >= 200.0, "{output}");
    assert!(at_once >= 100.0, "{output}");
    // The claim, with a margin for a loaded machine: the book's run shows about 10x.
    assert!(
        one_at_a_time >= 5.0 * at_once,
        "ten at once should be at least 5x as fast as one at a time:\n{output}"
    );
}

#[test]
fn a_listing_that_gets_no_quote_says_why_in_one_line() {
    let _turn = TAKE_TURNS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    build_listings();
    let nobody = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
        // The listener closes here: nothing answers on that port any more.
    };
    let failing = start_router(Router::new().route(
        "/api/random",
        get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
    ));
    let nonsense =
        start_router(Router::new().route("/api/random", get(|| async { "not a quote" })));
    // JSON, but without the quote's text: the message names the field that is missing.
    let shapeless =
        start_router(Router::new().route("/api/random", get(|| async { r#"{"citation": {}}"# })));
    let cases = [
        (nobody.as_str(), "Connection refused"),
        (failing.as_str(), "500 Internal Server Error"),
        (nonsense.as_str(), "error decoding response body"),
        (shapeless.as_str(), "missing field `citation`"),
    ];
    for listing in [
        "fetch_sync",
        "join_set",
        "futures_unordered",
        "join_all",
        "semaphore",
        "buffer_unordered",
        "spawn_with_permit",
        "measure",
    ] {
        for (url, reason) in cases {
            let output = run(listing, Some(url));
            let stderr = text(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{listing} against {url}: {stderr}"
            );
            assert!(
                stderr.starts_with("Error: ")
                    && stderr.lines().count() == 1
                    && stderr.contains(reason),
                "{listing} against a service that answers {reason:?} should say so in one line, said:\n{stderr}"
            );
        }
    }
}
