// ANCHOR: all
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use course_support::Report;
use tokio::fs;

const FILES: usize = 1000;

/// The names of the small files.
fn names(dir: &Path) -> Vec<PathBuf> {
    (0..FILES).map(|i| dir.join(format!("{i}.txt"))).collect()
}

// ANCHOR: tokio_fs
/// Reads every file, one `tokio::fs` call at a time.
async fn with_tokio_fs(dir: &Path) -> std::io::Result<usize> {
    let mut bytes = 0;
    for name in names(dir) {
        bytes += fs::read(&name).await?.len();
    }
    Ok(bytes)
}
// ANCHOR_END: tokio_fs

// ANCHOR: std_fs
/// The same reads with `std::fs`, all in one closure on the blocking pool.
async fn with_one_spawn_blocking(dir: &Path) -> std::io::Result<usize> {
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut bytes = 0;
        for name in names(&dir) {
            bytes += std::fs::read(&name)?.len();
        }
        Ok(bytes)
    })
    .await?
}
// ANCHOR_END: std_fs

#[tokio::main]
async fn main() -> Result<(), Report> {
    // ANCHOR: measure
    // A folder of our own in the system's temporary folder, with 1000 small files.
    let dir =
        std::env::temp_dir().join(format!("ch17-fs-batched-{}", std::process::id()));
    fs::create_dir(&dir).await?;
    for name in names(&dir) {
        fs::write(name, "a small file\n").await?;
    }

    // Each way five times, in turns; the quickest run of each is the one least
    // disturbed by whatever else the machine was doing.
    let (mut tokio_fs, mut std_fs) = (Duration::MAX, Duration::MAX);
    let (mut by_tokio_fs, mut by_std_fs) = (0, 0);
    for _ in 0..5 {
        let start = Instant::now();
        by_tokio_fs = with_tokio_fs(&dir).await?;
        tokio_fs = tokio_fs.min(start.elapsed());
        let start = Instant::now();
        by_std_fs = with_one_spawn_blocking(&dir).await?;
        std_fs = std_fs.min(start.elapsed());
    }
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!(
        "tokio::fs, {FILES} reads: {by_tokio_fs} bytes in {:.1} ms",
        ms(tokio_fs)
    );
    println!(
        "one spawn_blocking: {by_std_fs} bytes in {:.1} ms",
        ms(std_fs)
    );
    let ratio = tokio_fs.as_secs_f64() / std_fs.as_secs_f64();
    println!("tokio::fs took {ratio:.1}x as long");
    fs::remove_dir_all(&dir).await?;
    // ANCHOR_END: measure
    Ok(())
}
// ANCHOR_END: all
