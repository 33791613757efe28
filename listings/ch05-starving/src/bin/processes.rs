// ANCHOR: all
use std::error::Error;
use std::hint::black_box;
use std::process::Stdio;

use tokio::process::Command;

const PARTS: u64 = 4;
const TOTAL: u64 = 100_000_000;

/// Adds up one of the `PARTS` slices of `0..TOTAL`.
fn part_sum(part: u64) -> u64 {
    let slice = TOTAL / PARTS;
    (part * slice..(part + 1) * slice).map(black_box).sum()
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    // Started as `processes --part N`, this program is a worker: it prints its sum.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, part] = args.as_slice()
        && flag == "--part"
    {
        println!("{}", part_sum(part.parse()?));
        return Ok(());
    }

    // Otherwise it is the parent: start one worker process per part, all at once...
    let program = std::env::current_exe()?;
    let mut workers = Vec::new();
    for part in 0..PARTS {
        let worker = Command::new(&program)
            .args(["--part", &part.to_string()])
            .stdout(Stdio::piped())
            .kill_on_drop(true) // If the parent gives up, so do its workers.
            .spawn()?;
        workers.push(worker);
    }
    // ...then wait for each in turn and read its answer.
    let mut total = 0;
    for (part, worker) in workers.into_iter().enumerate() {
        let output = worker.wait_with_output().await?;
        if !output.status.success() {
            return Err(format!("process {part} failed: {}", output.status).into());
        }
        let sum: u64 = String::from_utf8(output.stdout)?.trim().parse()?;
        println!("process {part} added its slice: {sum}");
        total += sum;
    }
    println!("total = {total}");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
