//! Pins clippy's messages for the blocking calls the book shows.
//!
//! Each `listings/<chapter>/lints/<name>.rs` compiles, but `cargo clippy -- -D warnings`
//! rejects it with exactly the message in `<name>.stderr` beside it, under the chapter's
//! `clippy.toml`. Its fixed twin, `listings/<chapter>/src/bin/<name>_fixed.rs`, is an
//! ordinary listing: `tests/listings.rs` checks what it prints, and CI's
//! `cargo clippy --workspace --all-targets -- -D warnings` checks that it is clean.
//!
//! trybuild builds the files as `cargo clippy` would: with `clippy-driver` (found next
//! to `cargo`) as the compiler wrapper, `-D warnings` passed the way `cargo clippy`
//! passes it, and the chapter's `clippy.toml`. The messages belong to the toolchain
//! pinned in `rust-toolchain.toml` (they link to that version's lint list). When it
//! moves, `TRYBUILD=overwrite cargo test --test lints` rewrites them (so does
//! `BLESS=1`); read the diff before committing.

mod common;

use std::path::PathBuf;

use common::{bless, chapters, must_not_compile};

#[test]
fn each_blocking_call_is_flagged_by_clippy_with_its_pinned_message() {
    // `cargo test` sets `CARGO` to the toolchain's own cargo, beside clippy-driver.
    let cargo = PathBuf::from(std::env::var_os("CARGO").expect("run by cargo test"));
    let driver = cargo.with_file_name("clippy-driver");
    assert!(
        driver.exists(),
        "no clippy-driver at {}: `rustup component add clippy`",
        driver.display()
    );

    let mut checked = 0;
    for chapter in chapters() {
        let lints = must_not_compile(&chapter, "lints");
        if lints.is_empty() {
            continue;
        }
        // SAFETY: this test binary runs this one test, and no other thread reads the
        // environment while it is set.
        unsafe {
            if bless() {
                std::env::set_var("TRYBUILD", "overwrite");
            }
            std::env::set_var("RUSTC_WORKSPACE_WRAPPER", &driver);
            // What `cargo clippy -- -D warnings` hands the driver.
            std::env::set_var(
                "CLIPPY_ARGS",
                "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
            );
            // trybuild builds in target/tests/trybuild/: point clippy at the chapter's
            // own clippy.toml.
            std::env::set_var("CLIPPY_CONF_DIR", &chapter);
        }
        let cases = trybuild::TestCases::new();
        for file in &lints {
            cases.compile_fail(file);
        }
        checked += lints.len();
        drop(cases); // Builds and compares now, under this chapter's clippy.toml.
    }
    assert!(checked > 0, "no lint case found under listings/*/lints/");
}
