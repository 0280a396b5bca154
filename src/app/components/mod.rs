//! Components shared by several pages.

pub mod coming_soon;
pub mod composer;
pub mod header;
pub mod notice;
pub mod pager;
