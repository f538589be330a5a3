//! The bytes an on-demand reader module (`pdf-text.wasm`, `sheet-text.wasm`, each in a worker)
//! answers the page in: both sides link the same reader crate, whose `wire` module writes its
//! answer with [`Writer`] and reads it back with [`Reader`], so nothing is lost or reinterpreted.
//!
//! Strings and numbers are little-endian `u32` lengths and values; a reader crate adds its own
//! tag bytes.

/// Appends values to an answer.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn byte(&mut self, value: u8) {
        self.0.push(value);
    }

    /// A count or length; one over `u32::MAX` (never in a browser's memory) is written as the maximum.
    pub fn u32(&mut self, value: usize) {
        self.0.extend_from_slice(&u32::try_from(value).unwrap_or(u32::MAX).to_le_bytes());
    }

    pub fn str(&mut self, text: &str) {
        self.u32(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    /// (Chinese, English) notes: a count, then each pair.
    pub fn notes(&mut self, notes: &[(String, String)]) {
        self.u32(notes.len());
        for (zh, en) in notes {
            self.str(zh);
            self.str(en);
        }
    }
}

/// Takes values off the front of an answer; `None` once the bytes do not hold what is asked.
pub struct Reader<'a>(pub &'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    pub fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    pub fn u32(&mut self) -> Option<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    pub fn string(&mut self) -> Option<String> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    /// Notes as [`Writer::notes`] wrote them; a count larger than the bytes left is refused
    /// before anything is reserved for it.
    pub fn notes(&mut self) -> Option<Vec<(String, String)>> {
        let count = self.u32()?;
        let mut notes = Vec::new();
        for _ in 0..count {
            notes.push((self.string()?, self.string()?));
        }
        Some(notes)
    }

    /// The value read, when nothing is left over.
    pub fn end<T>(self, value: T) -> Option<T> {
        self.0.is_empty().then_some(value)
    }
}

/// The two exports of a reader module, around `read: fn(&[u8], u32, usize) -> Vec<u8>` (the
/// file, a format code, the checker's text limit → the encoded answer). The page copies the file
/// into memory from `alloc(len)`, calls `read(ptr, len, format, limit)` and copies the answer
/// from the returned pointer: a little-endian `u32` length, then the bytes. One instance reads one
/// file: the page drops it afterwards, so nothing here is ever freed.
///
/// The exports exist only in the wasm build: natively an unmangled `read` would take the place
/// of libc's read(2) in whatever links the crate (its own test binary crashed on it).
#[macro_export]
macro_rules! reader_module {
    ($read:expr) => {
        /// A buffer of `len` bytes for the file, owned by the module until `read` takes it back.
        #[cfg(target_arch = "wasm32")]
        #[no_mangle]
        pub extern "C" fn alloc(len: usize) -> *mut u8 {
            Box::into_raw(vec![0u8; len].into_boxed_slice()).cast::<u8>()
        }

        /// Reads the file in the buffer `alloc` gave and returns where its answer starts.
        ///
        /// # Safety
        /// `ptr` and `len` are exactly one earlier `alloc` call's answer and argument.
        #[cfg(target_arch = "wasm32")]
        #[no_mangle]
        pub unsafe extern "C" fn read(ptr: *mut u8, len: usize, format: u32, limit: usize) -> *const u8 {
            // SAFETY: the caller passes back alloc's own buffer and length (see above).
            let bytes = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
            let read: fn(&[u8], u32, usize) -> Vec<u8> = $read;
            let answer = read(&bytes, format, limit);
            drop(bytes);
            let mut out = Vec::with_capacity(answer.len() + 4);
            out.extend_from_slice(&u32::try_from(answer.len()).unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(&answer);
            Box::leak(out.into_boxed_slice()).as_ptr()
        }
    };
}

/// For the reader crates' wire tests: `answer` comes back from its bytes as it was, and every
/// copy of them cut short is refused; otherwise what went wrong.
pub fn round_trip<T: PartialEq + std::fmt::Debug>(
    answer: &T,
    encode: impl Fn(&T) -> Vec<u8>,
    decode: impl Fn(&[u8]) -> Option<T>,
) -> Result<(), String> {
    let bytes = encode(answer);
    if decode(&bytes).as_ref() != Some(answer) {
        return Err(format!("{answer:?} did not come back as it was"));
    }
    match (0..bytes.len()).find(|&cut| decode(&bytes[..cut]).is_some()) {
        Some(cut) => Err(format!("{answer:?} cut at {cut} was not refused")),
        None => Ok(()),
    }
}
