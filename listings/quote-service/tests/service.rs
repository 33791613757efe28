//! The book's quote service, tested: its answers, its
//! counters, its errors, and that bad or silent clients and a thousand connections
//! at once leave it serving. Everything runs on 127.0.0.1, on ports the system
//! picks.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use quote_service::Config;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::timeout;

/// No test waits longer than this for anything.
const PATIENCE: Duration = Duration::from_secs(30);

/// A service running on this test's runtime; it stops when the test ends.
struct Service {
    address: SocketAddr,
    url: String,
    task: JoinHandle<std::io::Result<()>>,
}

async fn start(latency_ms: u64, seed: u64) -> Service {
    start_with(Config {
        latency: Duration::from_millis(latency_ms),
        seed,
        ..Config::default()
    })
    .await
}

async fn start_with(config: Config) -> Service {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    Service {
        address,
        url: format!("http://{address}"),
        task: tokio::spawn(quote_service::serve(listener, config)),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(PATIENCE)
        .build()
        .unwrap()
}

/// `(text, author)` of one quote from `/api/random`.
async fn quote(client: &reqwest::Client, url: &str) -> (String, String) {
    quote_from(client, &format!("{url}/api/random")).await
}

/// `(text, author)` of one quote from `address`, `/api/random` and its query.
async fn quote_from(client: &reqwest::Client, address: &str) -> (String, String) {
    let answer = client.get(address).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    let json: Value = answer.json().await.unwrap();
    let citation = &json["citation"];
    let text = citation["citation"].as_str().expect("a text").to_string();
    let author = citation["infos"]["author"].as_str().expect("an author");
    (text, author.to_string())
}

async fn stats(client: &reqwest::Client, url: &str) -> (u64, u64, u64) {
    let json: Value = (client.get(format!("{url}/api/stats")).send().await)
        .unwrap()
        .json()
        .await
        .unwrap();
    let count = |name: &str| json[name].as_u64().expect(name);
    (count("in_flight"), count("max_in_flight"), count("served"))
}

/// Sends `request` as raw bytes and reads until the server closes: what it answered,
/// or the error that ended the connection (a reset, when it closes on unread bytes).
async fn raw(address: SocketAddr, request: &[u8]) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(address).await?;
    stream.write_all(request).await?;
    let mut answer = Vec::new();
    timeout(PATIENCE, stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection")?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

/// `GET path` on a connection of its own; the answer's status line and body.
async fn raw_get(address: SocketAddr, path: &str) -> String {
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: quotes\r\nConnection: close\r\n\r\n");
    raw(address, request.as_bytes()).await.unwrap()
}

/// Asserts the service answers a quote, and has not stopped.
async fn assert_still_serving(service: &Service) {
    let answer = raw_get(service.address, "/api/random").await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(!service.task.is_finished(), "the service stopped");
}

/// The quotes file, as `(author, text)`.
fn quotes_file() -> Vec<(String, String)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("quotes.txt");
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (author, text) = line.split_once(" | ").expect("`author | text`");
            (author.trim().to_string(), text.trim().to_string())
        })
        .collect()
}

#[test]
fn the_quotes_file_holds_at_least_forty_quotes_each_with_its_author() {
    let quotes = quotes_file();
    assert!(quotes.len() >= 40, "only {} quotes", quotes.len());
    for (author, text) in &quotes {
        assert!(!author.is_empty() && !text.is_empty(), "{author} | {text}");
        assert!(text.is_ascii(), "plain ASCII, please: {text}");
    }
    let mut texts: Vec<&String> = quotes.iter().map(|(_, text)| text).collect();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), quotes.len(), "a quote appears twice");
}

#[tokio::test]
async fn random_answers_a_quote_of_the_file_in_the_workshops_shape() {
    let service = start(0, 1).await;
    let client = client();
    let answer = (client.get(format!("{}/api/random", service.url)).send())
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "application/json");
    let json: Value = answer.json().await.unwrap();
    let text = json["citation"]["citation"].as_str().unwrap().to_string();
    let author = json["citation"]["infos"]["author"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(json.as_object().unwrap().len(), 1, "{json}");
    assert!(quotes_file().contains(&(author, text)), "{json}");

    for _ in 0..10 {
        let url = format!("{}/api/random?max_length=30", service.url);
        let (text, _) = quote_from(&client, &url).await;
        assert!(text.chars().count() <= 30, "{text}");
    }
}

#[tokio::test]
async fn the_same_seed_gives_the_same_quotes_in_the_same_order() {
    async fn first_five(seed: u64) -> Vec<(String, String)> {
        let service = start(0, seed).await;
        let client = client();
        let mut quotes = Vec::new();
        for _ in 0..5 {
            quotes.push(quote(&client, &service.url).await);
        }
        quotes
    }
    let first = first_five(7).await;
    assert_eq!(first, first_five(7).await);
    assert_ne!(first, first_five(8).await);
}

#[test]
fn url_starts_one_service_that_sync_and_async_code_can_use() {
    let url = quote_service::url().unwrap();
    assert!(url.starts_with("http://"), "{url}");
    assert_eq!(
        quote_service::url().unwrap(),
        url,
        "a second service started"
    );
    if std::env::var_os("QUOTES_URL").is_some() {
        return; // The service is someone else's: it may not be running now.
    }
    let address: SocketAddr = url.trim_start_matches("http://").parse().unwrap();

    // From sync code: a plain socket.
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let request =
        "GET /api/random HTTP/1.1\r\nHost: quotes\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");

    // From a runtime of the caller's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        assert_eq!(quote_service::url().unwrap(), url);
        quote(&client(), &url).await;
    });
}

#[tokio::test]
async fn stats_count_the_requests_in_flight_the_most_at_once_and_those_served() {
    // Ten requests at once, each a second long: all ten are in flight together.
    let service = start(1000, 1).await;
    let client = client();
    assert_eq!(stats(&client, &service.url).await, (0, 0, 0));
    let mut requests = JoinSet::new();
    for _ in 0..10 {
        let (client, url) = (client.clone(), service.url.clone());
        requests.spawn(async move { quote(&client, &url).await });
    }
    requests.join_all().await;
    assert_eq!(stats(&client, &service.url).await, (0, 10, 10));

    // One at a time: never more than one in flight.
    let service = start(50, 1).await;
    for _ in 0..3 {
        quote(&client, &service.url).await;
    }
    assert_eq!(stats(&client, &service.url).await, (0, 1, 3));
}

#[tokio::test]
async fn a_client_that_hangs_up_is_no_longer_in_flight() {
    let service = start(60_000, 1).await;
    let client = client();
    let mut stream = TcpStream::connect(service.address).await.unwrap();
    let request = "GET /api/random HTTP/1.1\r\nHost: quotes\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    wait_for_in_flight(&client, &service.url, 1).await;
    drop(stream);
    wait_for_in_flight(&client, &service.url, 0).await;
    assert_eq!(stats(&client, &service.url).await, (0, 1, 0));
}

async fn wait_for_in_flight(client: &reqwest::Client, url: &str, expected: u64) {
    let deadline = Instant::now() + PATIENCE;
    while stats(client, url).await.0 != expected {
        assert!(
            Instant::now() < deadline,
            "in_flight never became {expected}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn errors_answer_4xx_and_the_service_goes_on() {
    let service = start(0, 1).await;
    let client = client();
    let cases = [
        ("GET", "/nowhere", 404),
        ("POST", "/api/random", 405),
        ("GET", "/api/random?max_length=abc", 400),
        ("GET", "/api/random?max_length=-1", 400),
    ];
    for (method, path, status) in cases {
        let method = method.parse().unwrap();
        let answer = (client
            .request(method, format!("{}{path}", service.url))
            .send())
        .await
        .unwrap();
        assert_eq!(answer.status(), status, "{path}");
        assert_still_serving(&service).await;
    }

    // No quote is that short: 404, with a JSON error.
    let url = format!("{}/api/random?max_length=5", service.url);
    let answer = client.get(url).send().await.unwrap();
    assert_eq!(answer.status(), 404);
    let json: Value = answer.json().await.unwrap();
    assert!(json["error"].is_string(), "{json}");
    assert_still_serving(&service).await;
}

#[tokio::test]
async fn garbage_gets_400_and_the_service_goes_on() {
    let service = start(0, 1).await;
    for garbage in [
        &b"\x00\x01\x02 hello?\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
    ] {
        // hyper answers 400 and closes; a reset is fine too.
        if let Ok(answer) = raw(service.address, garbage).await {
            assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
        }
        assert_still_serving(&service).await;
    }
}

#[tokio::test]
async fn an_oversized_header_gets_431_and_the_service_goes_on() {
    let service = start(0, 1).await;
    let big = "a".repeat(100 * 1024);
    let request =
        format!("GET /api/random HTTP/1.1\r\nHost: quotes\r\nX-Big: {big}\r\n\r\n");
    // The server may close before it has read all we sent: then the answer is a
    // reset.
    if let Ok(answer) = raw(service.address, request.as_bytes()).await {
        assert!(answer.starts_with("HTTP/1.1 431 "), "{}", &answer[..80]);
    }
    assert_still_serving(&service).await;
}

#[tokio::test]
async fn silent_and_half_sent_clients_are_closed_after_the_header_timeout() {
    // A tenth of the default (3 s), so that the test does not wait that long.
    let header_timeout = Duration::from_millis(300);
    let service = start_with(Config {
        latency: Duration::from_millis(10),
        header_timeout,
        ..Config::default()
    })
    .await;
    let started = Instant::now();
    let silent = TcpStream::connect(service.address).await.unwrap();
    let mut half = TcpStream::connect(service.address).await.unwrap();
    half.write_all(b"GET /api/ran").await.unwrap();

    // They hang; the others are served.
    for _ in 0..3 {
        assert_still_serving(&service).await;
    }

    // How long after it connected the server closed it.
    async fn closed(mut stream: TcpStream, connected: Instant) -> Duration {
        let mut answer = Vec::new();
        let read = timeout(PATIENCE, stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "the server never closed the connection");
        // Whatever the server wrote before closing, it is no answer to a request.
        assert!(!answer.starts_with(b"HTTP/1.1 2"));
        connected.elapsed()
    }
    let (silent, half) =
        tokio::join!(closed(silent, started), closed(half, started));
    for closed_after in [silent, half] {
        assert!(
            header_timeout <= closed_after
                && closed_after < header_timeout + Duration::from_secs(3),
            "closed after {silent:?} and {half:?}, with a header timeout of \
             {header_timeout:?}"
        );
    }
    assert_still_serving(&service).await;
}

#[test]
fn a_thousand_connections_at_once_all_get_a_quote() {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(a_thousand_connections());
}

async fn a_thousand_connections() {
    // Each connection takes a file descriptor on each side: fewer if the limit is
    // low.
    let count = 1000.min(open_files_limit().saturating_sub(300) / 2);
    assert!(
        count >= 100,
        "the limit of open files is too low for this test"
    );
    let service = start(10, 1).await;
    let mut clients = JoinSet::new();
    for _ in 0..count {
        let address = service.address;
        clients.spawn(async move { raw_get(address, "/api/random").await });
    }
    let answers = timeout(PATIENCE, clients.join_all())
        .await
        .expect("a thousand answers in time");
    for answer in answers {
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains(r#"{"citation":{"citation":""#), "{answer}");
    }
    let (in_flight, _, served) = stats(&client(), &service.url).await;
    assert_eq!((in_flight, served), (0, count as u64));
    assert_still_serving(&service).await;
}

/// The soft limit of open files of this process (Linux); plenty elsewhere.
fn open_files_limit() -> usize {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    limits
        .lines()
        .find(|line| line.starts_with("Max open files"))
        .and_then(|line| line.split_whitespace().nth(3))
        .and_then(|soft| soft.parse().ok())
        .unwrap_or(usize::MAX)
}

/// The service's program, which cargo builds for these tests.
fn program() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quote-service"))
}

/// Kills the program when the test ends, passed or failed.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_program_prints_where_it_serves_and_serves_there() {
    let child = Command::new(program())
        .args(["--port", "0", "--latency-ms", "0", "--seed", "3"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(PATIENCE).expect("a line on stdout");
    let url = line
        .strip_prefix("Serving quotes on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{line:?}"));
    let port: u16 = url.trim_end().parse().unwrap();
    assert_ne!(port, 0);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let answer =
            raw_get(SocketAddr::from(([127, 0, 0, 1], port)), "/api/random").await;
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    });
}

#[test]
fn bad_arguments_exit_with_2_and_one_line() {
    let cases: [&[&str]; 4] = [
        &["--bogus"],
        &["--port", "abc"],
        &["--port"],
        &["--bind", "somewhere", "--port", "0"],
    ];
    for args in cases {
        let run = Command::new(program())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("quote-service: "), "{args:?}: {stderr}");
    }
}
