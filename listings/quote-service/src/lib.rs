//! The book's own quote service, so that the HTTP chapters run offline.
//!
//! - `GET /api/random` waits a while (the latency of a far-away server), then
//!   answers one quote, shaped like the workshop's public API: `{"citation":
//!   {"citation": "<text>", "infos": {"author": "<author>"}}}`. `?max_length=N`
//!   keeps to the quotes of at most `N` characters.
//! - `GET /api/stats` answers `{"in_flight": n, "max_in_flight": n, "served": n}`:
//!   the requests for a quote being handled right now, the most ever at once, and
//!   the quotes answered. They show whether a client sent its requests one at a time
//!   or together.
//!
//! Run it with `cargo run -p quote-service -- --port 8000`, or call [`url`] from a
//! program.
//!
//! When the environment variable `TIMELINE` names a file, the service writes there
//! when each quote request starts and ends, as a `course_support::TimelineEvent` on
//! row `request <n>`: the book draws its HTTP timelines, one row a request, from it
//! (`tests/check/timelines.rs`).

use std::fs::File;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use course_support::TimelineEvent;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde::{Deserialize, Serialize};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// The default of [`Config::header_timeout`].
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(3);

/// The most a request's head may weigh. A bigger one gets `431 Request Header Fields
/// Too Large` and the connection is closed.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// How the service behaves.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// How long `/api/random` waits before it answers.
    pub latency: Duration,
    /// Which sequence of quotes it answers: the same seed, the same quotes, in the
    /// order the requests are answered.
    pub seed: u64,
    /// How long a client may take to send the head of a request (request line and
    /// headers), counted from when the server starts waiting for it: once connected,
    /// and again after each answer on a kept-alive connection. Then the server closes
    /// the connection, so a client that connects and says nothing holds nothing for
    /// long.
    pub header_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            latency: Duration::from_millis(100),
            seed: 1,
            header_timeout: HEADER_TIMEOUT,
        }
    }
}

/// Serves until the future is dropped.
///
/// Each connection is a task of its own. The tasks live in a [`JoinSet`] owned by
/// this future, so dropping it ends them too. An error accepting a connection
/// concerns that connection only (or a moment without a free file descriptor), so it
/// waits a moment and goes on, like `axum::serve`; the `io::Result` is there for the
/// caller's `?`.
pub async fn serve(listener: TcpListener, config: Config) -> io::Result<()> {
    let app = router(config);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _address)) => {
                    let app = app.clone();
                    connections.spawn(serve_connection(stream, app, config.header_timeout));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            // Forget the connections that have ended.
            Some(_) = connections.join_next() => {}
        }
    }
}

/// Speaks HTTP/1.1 on one connection: hyper reads the requests and writes the
/// answers, axum's router picks the handler.
async fn serve_connection(stream: TcpStream, app: Router, header_timeout: Duration) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .max_buf_size(MAX_HEAD_BYTES);
    let service = TowerToHyperService::new(app);
    // An error here (garbage, a timeout, a client that hung up) ends this connection
    // only: hyper has answered it with a 4xx where it could. Nothing else to do.
    let _ = http.serve_connection(TokioIo::new(stream), service).await;
}

/// The base URL of the quote service for the listings, e.g.
/// `"http://127.0.0.1:41234"`.
///
/// It is `$QUOTES_URL` if set. Otherwise the first call starts the service in this
/// process, on 127.0.0.1 and a free port, on a thread of its own with its own tokio
/// runtime (so it works from sync code and from any runtime, paused or not), with a
/// latency of `$QUOTES_LATENCY_MS` (default 100) and the seed `$QUOTES_SEED`
/// (default 1); later calls return the same URL.
pub fn url() -> io::Result<String> {
    if let Ok(url) = std::env::var("QUOTES_URL")
        && !url.is_empty()
    {
        return Ok(url.trim_end_matches('/').to_string());
    }
    static STARTED: Mutex<Option<String>> = Mutex::new(None);
    let mut started = STARTED.lock().unwrap();
    if let Some(url) = started.as_ref() {
        return Ok(url.clone());
    }
    let config = Config {
        latency: Duration::from_millis(env_number("QUOTES_LATENCY_MS", 100)?),
        seed: env_number("QUOTES_SEED", 1)?,
        ..Config::default()
    };
    // Once bound, the socket listens: the kernel queues the connections that come
    // before the service's thread accepts them. So the URL works as soon as we
    // return.
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let url = format!("http://{}", listener.local_addr()?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("quote-service".to_string())
        .spawn(move || {
            runtime.block_on(async {
                serve(TcpListener::from_std(listener)?, config).await
            })
        })?;
    *started = Some(url.clone());
    Ok(url)
}

/// The whole number in the environment variable `name`, or `default` if it is not
/// set.
fn env_number(name: &str, default: u64) -> io::Result<u64> {
    let Ok(text) = std::env::var(name) else {
        return Ok(default);
    };
    text.trim().parse().map_err(|_| {
        let message = format!("${name} must be a whole number, not {text:?}");
        io::Error::new(io::ErrorKind::InvalidInput, message)
    })
}

/// What the handlers share: the settings, the quotes and the counters.
struct Service {
    config: Config,
    quotes: Vec<Quote>,
    in_flight: AtomicU64,
    max_in_flight: AtomicU64,
    served: AtomicU64,
    timeline: Option<Timeline>,
}

fn router(config: Config) -> Router {
    let service = Service {
        config,
        quotes: quotes(),
        in_flight: AtomicU64::new(0),
        max_in_flight: AtomicU64::new(0),
        served: AtomicU64::new(0),
        timeline: Timeline::from_env(),
    };
    Router::new()
        .route("/api/random", get(random))
        .route("/api/stats", get(stats))
        .with_state(Arc::new(service))
}

struct Quote {
    author: &'static str,
    text: &'static str,
}

/// The quotes of `quotes.txt`, built into the program: one `author | text` a line.
fn quotes() -> Vec<Quote> {
    include_str!("../quotes.txt")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (author, text) = line
                .split_once(" | ")
                .expect("every line of quotes.txt is `author | text`");
            Quote {
                author: author.trim(),
                text: text.trim(),
            }
        })
        .collect()
}

/// The query string of `/api/random`. A `max_length` that is not a number makes
/// axum's `Query` answer `400 Bad Request` before the handler runs.
#[derive(Deserialize)]
struct Filter {
    max_length: Option<u32>,
}

/// `{"citation": {"citation": "<text>", "infos": {"author": "<author>"}}}`
#[derive(Serialize)]
struct Answer {
    citation: Citation,
}

#[derive(Serialize)]
struct Citation {
    citation: &'static str,
    infos: Infos,
}

#[derive(Serialize)]
struct Infos {
    author: &'static str,
}

/// `{"error": "<what went wrong>"}`
#[derive(Serialize)]
struct Failure {
    error: String,
}

// ANCHOR: random
async fn random(
    State(service): State<Arc<Service>>,
    Query(filter): Query<Filter>,
) -> Response {
    // Counts this request as in flight until the guard is dropped: when the handler
    // returns, or when hyper drops its future because the client hung up.
    let _in_flight = InFlight::start(&service);
    tokio::time::sleep(service.config.latency).await;

    let max_length = filter.max_length.map_or(usize::MAX, |n| n as usize);
    let fitting: Vec<&Quote> = service
        .quotes
        .iter()
        .filter(|quote| quote.text.chars().count() <= max_length)
        .collect();
    if fitting.is_empty() {
        let error = format!("no quote is at most {max_length} characters long");
        return (StatusCode::NOT_FOUND, Json(Failure { error })).into_response();
    }
    // The n-th quote answered takes the n-th number of the seeded sequence.
    let n = service.served.fetch_add(1, Relaxed);
    let quote = fitting
        [(nth_random(service.config.seed, n) % fitting.len() as u64) as usize];
    Json(Answer {
        citation: Citation {
            citation: quote.text,
            infos: Infos {
                author: quote.author,
            },
        },
    })
    .into_response()
}
// ANCHOR_END: random

/// `in_flight` plus one while it lives, and the request's number (from 1, in the
/// order they came). Each counter stands alone, so `Relaxed` will do.
struct InFlight<'a>(&'a Service, u64);

impl<'a> InFlight<'a> {
    fn start(service: &'a Service) -> Self {
        let now = service.in_flight.fetch_add(1, Relaxed) + 1;
        service.max_in_flight.fetch_max(now, Relaxed);
        let number = service.timeline.as_ref().map_or(0, Timeline::start);
        InFlight(service, number)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Relaxed);
        if let Some(timeline) = &self.0.timeline {
            timeline.write(self.1);
        }
    }
}

/// The file `$TIMELINE` names, where each request's start and end are written.
struct Timeline {
    start: tokio::time::Instant,
    requests: AtomicU64,
    file: Mutex<File>,
}

impl Timeline {
    fn from_env() -> Option<Timeline> {
        let file = File::create(std::env::var_os("TIMELINE")?).ok()?;
        Some(Timeline {
            start: tokio::time::Instant::now(),
            requests: AtomicU64::new(0),
            file: Mutex::new(file),
        })
    }

    /// Writes that a request starts, and returns its number.
    fn start(&self) -> u64 {
        let number = self.requests.fetch_add(1, Relaxed) + 1;
        self.write(number);
        number
    }

    fn write(&self, request: u64) {
        let event = TimelineEvent {
            seconds: self.start.elapsed().as_secs_f64(),
            row: format!("request {request}"),
            label: String::new(),
        };
        // Best effort: a timeline is no reason to fail a request.
        let _ = writeln!(self.file.lock().unwrap(), "{event}");
    }
}

#[derive(Serialize)]
struct Stats {
    in_flight: u64,
    max_in_flight: u64,
    served: u64,
}

async fn stats(State(service): State<Arc<Service>>) -> Json<Stats> {
    Json(Stats {
        in_flight: service.in_flight.load(Relaxed),
        max_in_flight: service.max_in_flight.load(Relaxed),
        served: service.served.load(Relaxed),
    })
}

/// The n-th number (from 0) of the splitmix64 sequence that starts at `seed`. Each
/// number comes from its position alone, so requests share a counter, not a
/// generator.
fn nth_random(seed: u64, n: u64) -> u64 {
    let mut z =
        seed.wrapping_add(n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
