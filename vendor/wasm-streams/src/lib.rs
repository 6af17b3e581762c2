//! The part of wasm-streams' API that `server_fn` calls, without streams behind it (README.md
//! says why). Nothing here runs in Lede: it has no server functions.

pub mod readable {
    use futures_util::stream::{self, Stream};
    use wasm_bindgen::{JsCast, JsValue};

    /// What a stream call answers with: Lede has no streaming server functions.
    const NOT_AVAILABLE: &str = "lede: streaming server function bodies are not available";

    /// A browser `ReadableStream`, as wasm-streams wraps it.
    pub struct ReadableStream {
        raw: web_sys::ReadableStream,
    }

    impl ReadableStream {
        /// Wraps a stream the browser made.
        pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
            ReadableStream { raw }
        }

        /// A browser stream in place of a Rust one: an empty one (the Rust stream is dropped).
        pub fn from_stream<St>(stream: St) -> Self
        where
            St: Stream<Item = Result<JsValue, JsValue>> + 'static,
        {
            drop(stream);
            let raw =
                web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::NULL.unchecked_into());
            ReadableStream { raw }
        }

        /// The browser stream.
        pub fn into_raw(self) -> web_sys::ReadableStream {
            self.raw
        }

        /// The stream's chunks as a Rust stream: one error saying streaming is not available.
        pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> {
            stream::iter([Err(JsValue::from_str(NOT_AVAILABLE))])
        }
    }
}

pub use readable::ReadableStream;
