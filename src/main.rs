//! The `spotter` binary: see `spotter --help`, or `server::cli` for the commands.

/// mimalloc instead of the system allocator: rendering a page allocates many small strings,
/// and glibc's malloc took a third of the server's time under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    spotter::server::cli::main().await
}
