// ANCHOR: all
#[tokio::main(flavor = "current_thread")]
#[expect(clippy::disallowed_methods, reason = "the panic this listing shows")]
async fn main() -> Result<(), course_support::Report> {
    let url = quote_service::url()?;
    println!("Fetching a quote");
    // The blocking client runs a runtime of its own, and waits for it.
    let answer = reqwest::blocking::get(format!("{url}/api/random"))?;
    println!("{}", answer.status());
    Ok(())
}
// ANCHOR_END: all
