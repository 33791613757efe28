// ANCHOR: all
use std::time::Duration;

/// Waits the right way, ten times a fifth of a second.
async fn download() -> u32 {
    let mut parts = 0;
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        parts += 1;
    }
    parts
}

/// Blocks the runtime's only thread for two seconds: the bug to find.
async fn resize_image() -> &'static str {
    std::thread::sleep(Duration::from_secs(2));
    "resized"
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // With `--features console`: serve tokio-console, on 127.0.0.1:6669.
    #[cfg(feature = "console")]
    console_subscriber::init();

    let download = tokio::spawn(download());
    let resize = tokio::spawn(resize_image());
    let (parts, image) = (download.await.unwrap(), resize.await.unwrap());
    println!("{parts} parts downloaded, image {image}");
}
// ANCHOR_END: main
// ANCHOR_END: all
