//! Runs the quote service until Ctrl-C:
//!
//! ```console
//! cargo run -p quote-service -- --port 8000
//! ```

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Duration;

use quote_service::Config;
use tokio::net::TcpListener;

const USAGE: &str =
    "usage: quote-service [--port N] [--bind ADDR] [--latency-ms N] [--seed N]";

#[tokio::main]
async fn main() -> ExitCode {
    let (address, config) = match parse(std::env::args().skip(1)) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("quote-service: {message} ({USAGE})");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("quote-service: cannot listen on {address}: {err}");
            return ExitCode::FAILURE;
        }
    };
    // With `--port 0` the system picks a free port: print the one it picked.
    match listener.local_addr() {
        Ok(address) => println!("Serving quotes on http://{address}"),
        Err(err) => {
            eprintln!("quote-service: {err}");
            return ExitCode::FAILURE;
        }
    }
    tokio::select! {
        served = quote_service::serve(listener, config) => match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("quote-service: {err}");
                ExitCode::FAILURE
            }
        },
        // Ctrl-C drops the `serve` future, and with it every connection.
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
    }
}

/// The address to listen on and the service's settings; `None` for `--help`.
fn parse(
    mut args: impl Iterator<Item = String>,
) -> Result<Option<(SocketAddr, Config)>, String> {
    let mut ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut port = 8000;
    let mut config = Config::default();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => port = parse_value(&flag, value()?, "a port number")?,
            "--bind" => ip = parse_value(&flag, value()?, "an IP address")?,
            "--latency-ms" => {
                let ms = parse_value(&flag, value()?, "a whole number")?;
                config.latency = Duration::from_millis(ms);
            }
            "--seed" => {
                config.seed = parse_value(&flag, value()?, "a whole number")?
            }
            "-h" | "--help" => return Ok(None),
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    Ok(Some((SocketAddr::new(ip, port), config)))
}

fn parse_value<T: FromStr>(
    flag: &str,
    text: String,
    what: &str,
) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag} wants {what}, not {text:?}"))
}
