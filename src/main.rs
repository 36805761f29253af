//! The `thicket` binary: with no arguments the GUI, with a subcommand the CLI.

/// The allocator: jemalloc, not glibc's. The window reads rows on its thread and hands them to
/// workers, which build, narrow and drop them (the analysis data, the excerpt previews); with
/// glibc's allocator every block a worker frees that the window's thread allocated takes the lock
/// of that thread's arena, and a worker descheduled while holding it stalled the window for 0.2 to
/// 0.7 s on a busy 2-core machine (BENCHMARKS.md, "Hiding a coder and blind mode").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    thicket::cli::main()
}
