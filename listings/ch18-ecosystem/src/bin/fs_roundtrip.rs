// ANCHOR: all
use course_support::Report;
use tokio::fs;
use tokio::io::AsyncWriteExt;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    // ANCHOR: write
    // A folder of our own in the system's temporary folder; the process id keeps two
    // runs at once apart.
    let dir = std::env::temp_dir().join(format!("ch18-fs-{}", std::process::id()));
    fs::create_dir(&dir).await?;

    // Whole files at once: one trip to the blocking pool each.
    fs::write(dir.join("hello.txt"), "Hello\n").await?;
    fs::write(dir.join("empty.txt"), "").await?;

    // A file opened for appending, written through `AsyncWriteExt`.
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(dir.join("hello.txt"))
        .await?;
    file.write_all(b"World\n").await?;
    // Writes finish in the background: flush before dropping the file.
    file.flush().await?;
    // ANCHOR_END: write

    // ANCHOR: read
    let text = fs::read_to_string(dir.join("hello.txt")).await?;
    println!("hello.txt holds {text:?}");

    // A folder lists its entries in no fixed order: sort them.
    let mut entries = fs::read_dir(&dir).await?;
    let mut listing = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        let size = entry.metadata().await?.len();
        listing.push((entry.file_name().to_string_lossy().into_owned(), size));
    }
    listing.sort();
    for (name, size) in &listing {
        println!("{name}: {size} bytes");
    }
    // ANCHOR_END: read

    // ANCHOR: clean
    fs::remove_dir_all(&dir).await?;
    println!("removed: {}", !fs::try_exists(&dir).await?);
    // ANCHOR_END: clean
    Ok(())
}
// ANCHOR_END: all
