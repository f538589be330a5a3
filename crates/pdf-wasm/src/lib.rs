//! `pdf-text.wasm`: the PDF reader the page loads only when a PDF arrives (in a worker, see
//! boot.js), so the reader never weighs on the page's first load. No imports and no
//! wasm-bindgen: the caller copies the PDF into memory from [`alloc`], calls [`read`] and reads
//! the answer ([`pdf_text::wire`]) the returned pointer leads to. One instance reads one PDF
//! (a trap — a panic inside the reader — leaves nothing to clean up: the instance is dropped).
//!
//! The exports exist only in the wasm build: natively an unmangled `read` would take the place
//! of libc's read(2) in whatever links this crate (its own test binary crashed on it).

/// A buffer of `len` bytes for the PDF, owned by the module until [`read`] takes it back.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast::<u8>()
}

/// Reads the PDF in the buffer [`alloc`] gave (`len` must be the length asked for there) and
/// returns where its answer starts: a little-endian `u32` length, then the bytes.
///
/// # Safety
/// `ptr` and `len` are exactly one earlier [`alloc`] call's answer and argument.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn read(ptr: *mut u8, len: usize) -> *const u8 {
    // SAFETY: the caller passes back alloc's own buffer and length (see above).
    let bytes = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    let answer = pdf_text::wire::encode(&pdf_text::pdf_text(&bytes));
    drop(bytes);
    let mut out = Vec::with_capacity(answer.len() + 4);
    out.extend_from_slice(&u32::try_from(answer.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&answer);
    // Left to the instance, which the caller drops once it has copied the answer out.
    Box::leak(out.into_boxed_slice()).as_ptr()
}
