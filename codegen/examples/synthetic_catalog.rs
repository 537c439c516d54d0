//! Writes the benchmark's deterministic synthetic catalog to a directory, to profile or time the
//! command line on it:
//!
//! ```sh
//! cargo run --release -p flow-codegen --example synthetic_catalog -- 1000 /tmp/synthetic
//! time target/release/flow-codegen check --specs /tmp/synthetic --out /tmp/synthetic-out
//! ```
//!
//! A third argument `uniform` writes the uniform (stress) mix instead of the realistic one.

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(Ok(count)), Some(dir)) = (args.next().map(|n| n.parse::<usize>()), args.next()) else {
        eprintln!("usage: synthetic_catalog COUNT DIR [realistic|uniform]");
        return std::process::ExitCode::from(2);
    };
    let mix = match args.next().as_deref() {
        None | Some("realistic") => synthetic::Mix::Realistic,
        Some("uniform") => synthetic::Mix::Uniform,
        Some(other) => {
            eprintln!("unknown mix `{other}`: use `realistic` or `uniform`");
            return std::process::ExitCode::from(2);
        }
    };
    let dir = std::path::PathBuf::from(dir);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        synthetic::catalog(count, mix)
            .into_iter()
            .try_for_each(|(name, bytes)| std::fs::write(dir.join(name), bytes))
    });
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write {}: {error}", dir.display());
            std::process::ExitCode::from(1)
        }
    }
}
