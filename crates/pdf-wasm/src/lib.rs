//! `pdf-text.wasm`: the PDF reader the page loads only when a PDF arrives (in a worker, see
//! boot.js), so the reader never weighs on the page's first load. No imports and no
//! wasm-bindgen: [`reader_wire::reader_module`]'s two exports around [`pdf_text::pdf_text`],
//! answering in [`pdf_text::wire`]. A trap — a panic inside the reader — leaves nothing to clean
//! up: the page drops the instance.

reader_wire::reader_module!(|pdf, _format, _limit| pdf_text::wire::encode(&pdf_text::pdf_text(pdf)));
