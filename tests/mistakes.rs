//! Pins the compiler's messages for the mistakes the book shows.
//!
//! Each `listings/<chapter>/mistakes/<name>.rs` must fail to compile with exactly the
//! message in `<name>.stderr` beside it, which the book includes. Its fixed twin,
//! `listings/<chapter>/src/bin/<name>_fixed.rs`, is an ordinary listing: it must compile,
//! and `tests/listings.rs` checks what it prints.
//!
//! The messages belong to the toolchain pinned in `rust-toolchain.toml`, and to the
//! dependencies' versions in `Cargo.lock` where a message quotes them. When either moves,
//! `TRYBUILD=overwrite cargo test --test mistakes` (or `BLESS=1`) rewrites the messages
//! that changed, and `TRYBUILD=overwrite cargo test --test lints` those of clippy (see
//! `tests/lints.rs`); read the diff before committing, and the pages that include them.

mod common;

use common::{bless, chapters, must_not_compile};

#[test]
fn each_mistake_fails_to_compile_with_its_pinned_message() {
    let mistakes: Vec<_> = chapters()
        .iter()
        .flat_map(|chapter| must_not_compile(chapter, "mistakes"))
        .collect();
    assert!(
        !mistakes.is_empty(),
        "no mistake found under listings/*/mistakes/"
    );

    if bless() {
        // SAFETY: this test binary runs this one test, and no other thread reads the
        // environment while it is set.
        unsafe { std::env::set_var("TRYBUILD", "overwrite") };
    }
    let cases = trybuild::TestCases::new();
    for file in &mistakes {
        cases.compile_fail(file);
    }
}
