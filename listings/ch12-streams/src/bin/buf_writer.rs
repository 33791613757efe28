// ANCHOR: all
use course_support::{Report, pause_clock_if_asked};
use tokio::fs::{self, File};
use tokio::io::{AsyncWriteExt, BufWriter};

// ANCHOR: write
/// Writes two lines through a buffer, flushing it at the end or not, and says how
/// many bytes reached the file.
async fn write_lines(flush: bool) -> Result<(), Report> {
    let path = std::env::temp_dir()
        .join(format!("ch12-buf-writer-{}.txt", std::process::id()));
    let mut out = BufWriter::new(File::create(&path).await?);
    out.write_all(b"first line\n").await?;
    out.write_all(b"second line\n").await?;
    if flush {
        out.flush().await?;
    }
    drop(out);
    let written = fs::read(&path).await?.len();
    println!("flush: {flush:5}, bytes in the file: {written}");
    fs::remove_file(&path).await?;
    Ok(())
}
// ANCHOR_END: write

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    pause_clock_if_asked();
    write_lines(false).await?;
    write_lines(true).await
}
// ANCHOR_END: all
