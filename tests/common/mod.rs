//! What the host tests share.

use std::path::PathBuf;

/// The checkout the tests run in. `cargo test` says so when it runs them; the path compiled in
/// is only the fallback, for a test binary run by hand. (A build folder shared by two checkouts,
/// as `scripts/setup`'s is, can reuse a binary built in the other one: its compiled-in path then
/// points there, and the test would read that checkout's files, or fail to find them.)
pub fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}
