//! The `flow-codegen` command; its logic is the library's `cli` module.

fn main() -> std::process::ExitCode {
    flow_codegen::cli::run()
}

/// Formatting allocates and frees a few small blocks per token (syn's token buffer and syntax
/// tree, prettyplease's output); with mimalloc instead of glibc's allocator generation takes about
/// a third less CPU on large catalogs (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
