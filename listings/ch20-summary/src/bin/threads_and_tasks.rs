// ANCHOR: all
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use course_support::Report;

/// How many of each to start: fewer of those that cost more, so that the whole run
/// stays short and light for a machine that runs other things meanwhile.
const TASKS: usize = 10_000;
const THREADS: usize = 2_000;
const PROCESSES: usize = 100;

// ANCHOR: memory
/// What starting `count` units cost: the time until all were running, and how much
/// each memory figure grew meanwhile, in KiB.
struct Cost {
    count: usize,
    start: Duration,
    /// Pages really in memory (`VmRSS` in `/proc/<pid>/status`; for processes, `Pss`
    /// in `/proc/<pid>/smaps_rollup`, which splits shared pages among their users).
    resident: u64,
    /// Address space reserved, used or not (`VmSize`).
    reserved: u64,
    /// The kernel's stacks for the machine's threads (`KernelStack` in
    /// `/proc/meminfo`), where the units are threads: the figure is the whole
    /// machine's, too noisy for a hundred processes' few.
    kernel_stacks: Option<u64>,
}

/// `VmRSS` and `VmSize` of a process: `self`, or a process id.
fn status(pid: &str) -> Result<(u64, u64), Report> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    Ok((kib(&text, "VmRSS")?, kib(&text, "VmSize")?))
}

/// A process's share of the pages it uses: each page shared by n processes counts
/// 1/n.
fn proportional(pid: &str) -> Result<u64, Report> {
    kib(
        &std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))?,
        "Pss",
    )
}

fn kernel_stacks() -> Result<u64, Report> {
    kib(&std::fs::read_to_string("/proc/meminfo")?, "KernelStack")
}

/// The figure of a line such as `VmRSS:     2345 kB`.
fn kib(text: &str, field: &str) -> Result<u64, Report> {
    let line = text
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .ok_or(format!("no {field} line"))?;
    Ok(line.trim().trim_end_matches(" kB").parse()?)
}
// ANCHOR_END: memory

// ANCHOR: tasks
/// Starts `TASKS` tokio tasks that each wait until released.
fn tasks() -> Result<Cost, Report> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(async {
        let (running, mut all_running) = tokio::sync::mpsc::unbounded_channel();
        let (release, released) = tokio::sync::watch::channel(false);
        let (resident, reserved) = status("self")?;
        let clock = Instant::now();
        let handles: Vec<_> = (0..TASKS)
            .map(|_| {
                let (running, mut released) = (running.clone(), released.clone());
                tokio::spawn(async move {
                    running.send(()).unwrap();
                    released.wait_for(|released| *released).await.unwrap();
                })
            })
            .collect();
        for _ in 0..TASKS {
            all_running.recv().await;
        }
        let start = clock.elapsed();
        let (resident_now, reserved_now) = status("self")?;
        release.send(true)?;
        for handle in handles {
            handle.await?;
        }
        Ok(Cost {
            count: TASKS,
            start,
            resident: resident_now.saturating_sub(resident),
            reserved: reserved_now.saturating_sub(reserved),
            kernel_stacks: None, // One thread before and after.
        })
    })
}
// ANCHOR_END: tasks

// ANCHOR: threads
/// Starts `THREADS` threads that each wait until released.
fn threads() -> Result<Cost, Report> {
    let (running, all_running) = std::sync::mpsc::channel();
    let released = Arc::new(AtomicBool::new(false));
    let ((resident, reserved), stacks) = (status("self")?, kernel_stacks()?);
    let clock = Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let (running, released) = (running.clone(), released.clone());
            thread::spawn(move || {
                running.send(()).unwrap();
                // Sleep until unparked (`park` may also return early: check again).
                while !released.load(Ordering::Acquire) {
                    thread::park();
                }
            })
        })
        .collect();
    for _ in 0..THREADS {
        all_running.recv()?;
    }
    let start = clock.elapsed();
    let ((resident_now, reserved_now), stacks_now) =
        (status("self")?, kernel_stacks()?);
    // Release them one at a time: waking thousands of threads at once would flood
    // the machine's scheduler.
    released.store(true, Ordering::Release);
    for handle in handles {
        handle.thread().unpark();
        handle.join().unwrap();
    }
    Ok(Cost {
        count: THREADS,
        start,
        resident: resident_now.saturating_sub(resident),
        reserved: reserved_now.saturating_sub(reserved),
        kernel_stacks: Some(stacks_now.saturating_sub(stacks)),
    })
}
// ANCHOR_END: threads

// ANCHOR: processes
/// Starts `PROCESSES` copies of this program that each wait until their input
/// closes.
fn processes() -> Result<Cost, Report> {
    let program = std::env::current_exe()?;
    let clock = Instant::now();
    let mut children: Vec<Child> = (0..PROCESSES)
        .map(|_| {
            Command::new(&program)
                .arg("--wait")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
        })
        .collect::<Result<_, _>>()?;
    for child in &mut children {
        // Each says so once it is running.
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line)?;
    }
    let start = clock.elapsed();
    let (mut resident, mut reserved) = (0, 0);
    for child in &children {
        let pid = child.id().to_string();
        resident += proportional(&pid)?;
        reserved += status(&pid)?.1;
    }
    for mut child in children {
        drop(child.stdin.take()); // End of input: the child exits.
        child.wait()?;
    }
    Ok(Cost {
        count: PROCESSES,
        start,
        resident,
        reserved,
        kernel_stacks: None,
    })
}

/// What each copy does: say it runs, then wait for the end of its input.
fn wait_for_end_of_input() -> Result<(), Report> {
    println!("running");
    std::io::stdin().read_to_end(&mut Vec::new())?;
    Ok(())
}
// ANCHOR_END: processes

// ANCHOR: main
fn main() -> Result<(), Report> {
    if std::env::args().nth(1).as_deref() == Some("--wait") {
        return wait_for_end_of_input();
    }
    // Tasks first: memory that threads free could be reused for tasks, not the
    // reverse.
    let tasks = tasks()?;
    let threads = threads()?;
    let processes = processes()?;

    print("processes", &processes);
    print("OS threads", &threads);
    print("tokio tasks", &tasks);
    println!(
        "A process took {:.0}x the time of a thread to start, \
         and {:.0}x its resident memory.",
        processes.start_each() / threads.start_each(),
        processes.each(processes.resident) / threads.each(threads.resident),
    );
    println!(
        "A thread took {:.0}x the time of a task to start, \
         and {:.0}x its resident memory ({:.0}x with its kernel stack).",
        threads.start_each() / tasks.start_each(),
        threads.each(threads.resident) / tasks.each(tasks.resident),
        threads.each(threads.resident + threads.kernel_stacks.unwrap_or(0))
            / tasks.each(tasks.resident),
    );
    Ok(())
}

fn print(what: &str, cost: &Cost) {
    println!("{} {what}, each waiting:", cost.count);
    let ms = cost.start.as_secs_f64() * 1000.0;
    let each = cost.start_each() * 1e6;
    println!("  all running after {ms:.1} ms: {each:.1} µs each");
    let mut lines = vec![
        ("resident memory", cost.resident),
        ("address space", cost.reserved),
    ];
    if let Some(kernel_stacks) = cost.kernel_stacks {
        lines.push(("kernel stacks (whole machine)", kernel_stacks));
    }
    for (figure, kib) in lines {
        let (total, each) = (kib as f64 / 1024.0, cost.each(kib) / 1024.0);
        println!("  {figure}: {total:.1} MiB in all, {each:.2} KiB each");
    }
}

impl Cost {
    /// Seconds to start one unit.
    fn start_each(&self) -> f64 {
        self.start.as_secs_f64() / self.count as f64
    }

    /// Bytes for one unit, of a figure in KiB for all of them.
    fn each(&self, kib: u64) -> f64 {
        kib as f64 * 1024.0 / self.count as f64
    }
}

// ANCHOR_END: main
// ANCHOR_END: all
