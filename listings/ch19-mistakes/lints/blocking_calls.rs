// ANCHOR: all
use std::io::Write;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Each of these calls holds the runtime's only thread until it returns.
    std::thread::sleep(Duration::from_millis(100));
    let manifest =
        std::fs::read_to_string("listings/ch19-mistakes/Cargo.toml").unwrap();
    println!("{}", manifest.lines().next().unwrap());

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.write_all(b"ping").unwrap();
    println!("sent 4 bytes");

    // This one never returns: the task it waits for needs the thread it holds.
    let task = tokio::spawn(async { 6 * 7 });
    let answer = futures::executor::block_on(task).unwrap();
    println!("the task answered {answer}");
}
// ANCHOR_END: all
