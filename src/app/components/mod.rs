//! Components shared by several pages.

pub mod composer;
pub mod copy_button;
pub mod header;
pub mod live_reply;
pub mod notice;
pub mod pager;
pub mod thread_item;
