//! The HTTP chapters' claims, checked against the book's own quote service on
//! 127.0.0.1: how many requests each listing has in flight at most, how much faster
//! ten requests at once are than one at a time, and one clear line of error when the
//! service cannot be reached, fails, or answers something that is not a quote
//! (naming the missing field when the JSON lacks one).

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener};
use std::thread;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use rustix::fd::OwnedFd;
use rustix::net::{AddressFamily, SocketType};

use crate::Check;
use crate::common::{Listing, listings};
use crate::model::Clock;
use crate::runner::{self, End, Output};

/// A check of requests in flight and one of errors for each client of the quote
/// service (`model.rs`), and the speed-up measured in chapter 9.
pub fn checks() -> Vec<Check> {
    let mut checks = Vec::new();
    for listing in listings() {
        let Some(client) = &listing.facts().quote_client else {
            continue;
        };
        let package = [listing.chapter.clone()];
        if let Some(most) = client.in_flight {
            let client = listing.clone();
            checks.push(
                Check::new("requests in flight", listing.id(), move || {
                    requests_in_flight(&client, most)
                })
                .running(package.clone()),
            );
        }
        let client = listing.clone();
        checks.push(
            Check::new("one-line errors", listing.id(), move || {
                one_line_errors(&client)
            })
            .running(package),
        );
    }
    checks.push(
        Check::new(
            "http",
            "ten requests at once are at least five times as fast as one at a time",
            speed_up,
        )
        .running([runner::listing("measure").chapter])
        .in_group(Some(runner::Group::RealTime)),
    );
    checks
}

/// Runs `serve` on a listener bound to 127.0.0.1, on a thread and runtime of its
/// own, until the test process ends; returns the listener's URL.
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
    let config = quote_service::Config {
        latency,
        ..quote_service::Config::default()
    };
    start(move |listener| async move {
        quote_service::serve(listener, config).await.unwrap()
    })
}

fn max_in_flight(url: &str) -> u64 {
    let stats: serde_json::Value =
        reqwest::blocking::get(format!("{url}/api/stats"))
            .and_then(|answer| answer.json())
            .unwrap_or_else(|err| panic!("no stats from {url}: {err}"));
    stats["max_in_flight"]
        .as_u64()
        .expect("max_in_flight is a number")
}

/// Runs a listing against the service at `url`, or its own one if `url` is `None`.
fn run(listing: &Listing, url: Option<&str>) -> Result<Output, String> {
    let mut command = runner::command(listing, Clock::Real);
    if let Some(url) = url {
        command.env("QUOTES_URL", url);
    }
    runner::run(listing, command)
}

/// Against a service of its own, slow enough that every request the listing starts
/// together is in flight at once, even on a loaded machine: the listing prints its
/// ten quotes, and the service saw `most` requests in flight at most.
fn requests_in_flight(listing: &Listing, most: u64) -> Result<(), String> {
    let url = start_quote_service(Duration::from_millis(300));
    let output = run(listing, Some(&url))?;
    if output.end != End::Code(0) {
        return Err(format!("{} failed: {}", listing.id(), output.stderr));
    }
    let quotes = output
        .stdout
        .lines()
        .filter(|line| {
            !line.starts_with("Total time") && !line.starts_with("Tasks in")
        })
        .count();
    if quotes != 10 {
        return Err(format!("{} printed {quotes} quotes, not 10", listing.id()));
    }
    let seen = max_in_flight(&url);
    if seen != most {
        return Err(format!(
            "{} had {seen} requests in flight at most, not {most}",
            listing.id()
        ));
    }
    Ok(())
}

/// Reads the figure in milliseconds on the line of `measure`'s output that starts
/// with `label`.
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

fn speed_up() -> Result<(), String> {
    let measure = runner::listing("measure");
    let output = {
        let _turn = runner::turn(Some(runner::Group::RealTime));
        run(&measure, None)?
    };
    if output.end != End::Code(0) {
        return Err(format!("measure failed: {}", output.stderr));
    }
    let output = output.stdout;
    let one_at_a_time = figure(&output, "ten, one at a time:");
    let at_once = figure(&output, "ten at once:");
    let five_at_a_time = figure(&output, "ten, five at a time:");
    // The service waits 100 ms before each answer: floors that no machine can beat.
    if one_at_a_time < 1000.0 || five_at_a_time < 200.0 || at_once < 100.0 {
        return Err(format!(
            "faster than the service's latency allows:\n{output}"
        ));
    }
    // The claim, with a margin for a loaded machine: the book's run shows about 10x.
    if one_at_a_time < 5.0 * at_once {
        return Err(format!(
            "ten at once should be at least 5x as fast as one at a time:\n{output}"
        ));
    }
    Ok(())
}

/// A port of 127.0.0.1 that refuses connections for as long as the socket returned
/// lives: it holds the port, bound, and does not listen.
fn refusing_port() -> (OwnedFd, SocketAddr) {
    let socket = rustix::net::socket(AddressFamily::INET, SocketType::STREAM, None)
        .expect("a TCP socket");
    rustix::net::bind(&socket, &SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0))
        .expect("a port of 127.0.0.1");
    let address = rustix::net::getsockname(&socket).expect("the socket's address");
    let address = SocketAddr::try_from(address).expect("an IP address");
    (socket, address)
}

/// Against a service that cannot be reached, fails, or answers something that is not
/// a quote, the listing ends with code 1 and one line that says why.
fn one_line_errors(listing: &Listing) -> Result<(), String> {
    // A port where connections are refused: a socket bound to it, never listening.
    // (A listener bound then closed frees its port, which the next server to bind
    // one, here or in a check beside this one, may be given: once, the listing got
    // `nonsense`'s answer there.)
    let (_refusing, nobody) = refusing_port();
    let nobody = format!("http://{nobody}");
    let failing = start_router(Router::new().route(
        "/api/random",
        get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
    ));
    let nonsense = start_router(
        Router::new().route("/api/random", get(|| async { "not a quote" })),
    );
    // JSON, but without the quote's text: the message names the field that is
    // missing.
    let shapeless = start_router(
        Router::new().route("/api/random", get(|| async { r#"{"citation": {}}"# })),
    );
    let cases = [
        (nobody.as_str(), "Connection refused"),
        (failing.as_str(), "500 Internal Server Error"),
        (nonsense.as_str(), "error decoding response body"),
        (shapeless.as_str(), "missing field `citation`"),
    ];
    for (url, reason) in cases {
        let output = run(listing, Some(url))?;
        let stderr = &output.stderr;
        if output.end != End::Code(1) {
            return Err(format!(
                "{} against {url} exited with {:?}, not 1: {stderr}",
                listing.id(),
                output.end
            ));
        }
        if !(stderr.starts_with("Error: ")
            && stderr.lines().count() == 1
            && stderr.contains(reason))
        {
            return Err(format!(
                "{} against a service that answers {reason:?} should say so in one line, said:\n{stderr}",
                listing.id()
            ));
        }
    }
    Ok(())
}
