//! Page requests and the list envelope every list endpoint answers with.

use serde::{Deserialize, Serialize};

pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;

/// `?page=&per_page=` as sent; [`PageRequest::normalized`] makes it safe to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct PageRequest {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page (default 20, at most 100).
    pub per_page: Option<u32>,
}

/// A page request with defaults applied and bounds enforced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    pub fn normalized(self) -> Page {
        Page {
            page: self.page.unwrap_or(1).max(1),
            per_page: self
                .per_page
                .unwrap_or(DEFAULT_PER_PAGE)
                .clamp(1, MAX_PER_PAGE),
        }
    }
}

impl Page {
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }
}

/// The list envelope: `{"items": [...], "page", "per_page", "total"}`. Every list endpoint
/// answers with it, documented as `body = Paginated<Item>` (one generic OpenAPI schema).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Paginated<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

impl<T> Paginated<T> {
    pub fn new(items: Vec<T>, page: Page, total: u64) -> Self {
        Self {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        }
    }

    /// An unpaginated list in the same envelope: one page holding everything.
    pub fn whole(items: Vec<T>) -> Self {
        let per_page = u32::try_from(items.len()).unwrap_or(u32::MAX).max(1);
        Self {
            total: items.len() as u64,
            items,
            page: 1,
            per_page,
        }
    }

    pub fn page_count(&self) -> u64 {
        self.total.div_ceil(u64::from(self.per_page.max(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        let p = PageRequest::default().normalized();
        assert_eq!((p.page, p.per_page, p.offset()), (1, 20, 0));
        let p = PageRequest {
            page: Some(0),
            per_page: Some(10_000),
        }
        .normalized();
        assert_eq!((p.page, p.per_page), (1, 100));
        let p = PageRequest {
            page: Some(3),
            per_page: Some(0),
        }
        .normalized();
        assert_eq!((p.per_page, p.offset()), (1, 2));
    }

    #[test]
    fn a_whole_list_is_one_page() {
        let all = Paginated::whole(vec![1, 2, 3]);
        assert_eq!(
            (all.page, all.per_page, all.total, all.page_count()),
            (1, 3, 3, 1)
        );
        assert_eq!(Paginated::<u8>::whole(vec![]).per_page, 1);
    }

    #[test]
    fn page_count_rounds_up() {
        let page = PageRequest {
            page: Some(1),
            per_page: Some(20),
        }
        .normalized();
        assert_eq!(Paginated::<u8>::new(vec![], page, 41).page_count(), 3);
        assert_eq!(Paginated::<u8>::new(vec![], page, 0).page_count(), 0);
    }
}
