//! `--password-stdin`: a password is read from the first line of standard input, never taken as
//! an argument, where other users of the machine could read it in the process list.

use std::io::BufRead;

use super::error::CliError;

/// The first line of standard input without its line ending; an empty one is refused.
pub(super) fn read() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    if password.is_empty() {
        return Err(CliError::User("no password on standard input".into()));
    }
    Ok(password)
}
