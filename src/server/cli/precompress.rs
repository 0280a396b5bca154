//! `spotter precompress DIR`: the site's files written again in br and gzip beside them
//! ([`crate::server::static_files::precompress`]).

use std::path::PathBuf;

use clap::Args;

use super::error::CliError;
use crate::server::static_files::precompress;

#[derive(Args)]
pub(super) struct PrecompressArgs {
    /// The site's folder (default: target/site).
    #[arg(default_value = "target/site")]
    dir: PathBuf,
}

pub(super) fn run(args: PrecompressArgs) -> Result<(), CliError> {
    let done = precompress(&args.dir)?;
    println!(
        "precompressed {} file(s) ({} already fresh): {} KiB raw, {} KiB br, {} KiB gzip",
        done.written,
        done.fresh,
        done.raw_bytes / 1024,
        done.br_bytes / 1024,
        done.gz_bytes / 1024
    );
    Ok(())
}
