//! Files in and out.

pub mod ics;
