// ANCHOR: all
use std::io;

use course_support::Report;
use tokio::process::{Child, Command};

// ANCHOR: start
/// Starts `program`, or says which program could not be started.
fn start(program: &str) -> io::Result<Child> {
    Command::new(program).spawn().map_err(|err| {
        // Keep the kind, so that callers can still match on it; add the name.
        io::Error::new(err.kind(), format!("cannot run `{program}`: {err}"))
    })
}
// ANCHOR_END: start

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let program = "no-such-program";

    // Run directly, a missing program is an error from `spawn`.
    if let Err(err) = Command::new(program).spawn() {
        println!("kind: {:?}", err.kind());
        println!("message: {err}");
    }
    if let Err(err) = start(program) {
        println!("with its name: {err}");
    }

    // Run through a shell, as `create_subprocess_shell` does, the shell starts fine,
    // fails to find the program, and exits with code 127. `output` captures what it
    // says on its standard error.
    let output = Command::new("sh").args(["-c", program]).output().await?;
    println!("sh -c {program}: {}", output.status);
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
