//! Finds each exercise's diagnosis, `exercises/<exercise>.rs`, and writes what
//! `exercises/mod.rs` includes: a module for each file, `diagnosis(name)`, which
//! finds one by its exercise's name, and `DIAGNOSED`, their names. Adding an
//! exercise's diagnosis is adding its file. It also tells the checks the platform
//! they are built for (`TARGET`).

use std::fmt::Write;
use std::path::Path;

fn main() {
    // The platform the checks run on, which the Run buttons' check names to cargo
    // (`--target`) as trybuild does, to share its folder.
    println!(
        "cargo::rustc-env=TARGET={}",
        std::env::var("TARGET").unwrap()
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/check/exercises/")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|file| Some(file.strip_suffix(".rs")?.to_string()))
        .filter(|name| name.starts_with("ex"))
        .collect();
    names.sort();

    let mut code = String::new();
    for name in &names {
        let file = dir.join(format!("{name}.rs"));
        writeln!(
            code,
            "#[path = {:?}]\nmod {name};",
            file.display().to_string()
        )
        .unwrap();
    }
    writeln!(
        code,
        "/// The diagnosis of the exercise `name`, if it has one."
    )
    .unwrap();
    writeln!(code, "pub fn diagnosis(name: &str) -> Option<Diagnose> {{").unwrap();
    writeln!(code, "    match name {{").unwrap();
    for name in &names {
        writeln!(code, "        {name:?} => Some({name}::diagnose),").unwrap();
    }
    writeln!(code, "        _ => None,\n    }}\n}}").unwrap();
    writeln!(code, "/// The exercises that have a diagnosis file.").unwrap();
    writeln!(code, "pub const DIAGNOSED: &[&str] = &{names:?};").unwrap();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("diagnoses.rs");
    std::fs::write(out, code).unwrap();
}
