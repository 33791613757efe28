// ANCHOR: all
use tracing_subscriber::EnvFilter;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::pause_clock_if_asked();
    // ANCHOR: filter
    // A fixed filter, the same as `RUST_LOG='info,[request{id=2}]=trace'`: `info`
    // and above everywhere, and every line, down to `trace`, inside request 2.
    let filter = EnvFilter::new("info,[request{id=2}]=trace");
    // ANCHOR_END: filter
    tracing_subscriber::fmt()
        .without_time()
        .with_env_filter(filter)
        .init();
    ch13_debugging::web::serve().await;
}
// ANCHOR_END: all
