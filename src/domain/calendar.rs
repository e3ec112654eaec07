//! Exchange calendars of the mainland (XSHG/XSHE) and Hong Kong (XHKG).
