// ANCHOR: all
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::LevelFilter;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::pause_clock_if_asked();
    // ANCHOR: filter
    // `RUST_LOG` chooses which lines print. Without it: `info` and above, from every
    // module. (Directives it cannot parse are left out.)
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .from_env_lossy();
    tracing_subscriber::fmt()
        .without_time()
        .with_env_filter(filter)
        .init();
    // ANCHOR_END: filter
    ch13_debugging::web::serve().await;
}
// ANCHOR_END: all
