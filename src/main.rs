//! The `spotter` binary: see `spotter --help`, or `server::cli` for the commands.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    spotter::server::cli::main().await
}
