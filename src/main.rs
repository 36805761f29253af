//! The `thicket` binary: with no arguments the GUI, with a subcommand the CLI.

fn main() -> std::process::ExitCode {
    thicket::cli::main()
}
