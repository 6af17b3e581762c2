//! The browser entry point that Trunk builds: it only mounts the viewer into the page's
//! `[data-lede]` elements. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    lede::entry::mount::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lede is a web app: run `scripts/dev` to build and serve it, or use `lede-corpus`.");
    std::process::exit(2);
}
