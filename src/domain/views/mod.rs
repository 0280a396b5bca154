//! What each page shows, as plain data: built on the server by the services in
//! `server::services`, sent to the browser by the server functions in `api`, rendered by
//! `app::pages`. Text is already in the user's language and quantities in their units.

pub mod chat;
pub mod goals;
pub mod log;
pub mod plan;
pub mod progress;
pub mod records;
