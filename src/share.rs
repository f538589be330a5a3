//! Share links: the pasted text travels in the URL fragment (`#v1=…`), which browsers never send
//! to a server, so a link carries the tables from one colleague to another without uploading them.
//!
//! Format `v1`: UTF-8 text → raw DEFLATE (level 9) → base64 URL-safe without padding. The version
//! prefix lets a later format coexist with links already sent.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The fragment prefix of format 1.
pub const PREFIX: &str = "v1=";

/// Longest encoded fragment the page puts in a link. Browsers accept far longer URLs (Chromium
/// 2 MB), but links are passed on through mail and chat clients, which cut or refuse much
/// shorter ones. 32 KB holds about three whole department disclosures (the 19-table seed, 28 KB of
/// text, encodes to 9.5 KB) while a link stays short enough to paste into a message.
pub const MAX_FRAGMENT: usize = 32 * 1024;

/// Largest text a link may expand to: a bound against a tiny link inflating into gigabytes.
/// A made link holds at most [`MAX_FRAGMENT`] of text compressed about tenfold; 4 MB leaves room.
const MAX_TEXT: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The encoded text is longer than [`MAX_FRAGMENT`]; carries the encoded length.
    TooLarge(usize),
    /// The fragment is not a `v1=` link.
    NotALink,
    /// The link was cut or altered: not base64, not DEFLATE, or not UTF-8.
    Damaged,
    /// An opened link longer than any the page makes (or expanding past its bound); carries
    /// the fragment's length. Opened links are bounded like made ones.
    LinkTooLong(usize),
}

impl ShareError {
    pub fn message_zh(&self) -> String {
        match self {
            ShareError::TooLarge(n) => format!(
                "内容太大，无法放进链接（压缩后 {} KB，上限 {} KB）。请改用导出或直接发送文件。",
                n.div_ceil(1024),
                MAX_FRAGMENT / 1024
            ),
            ShareError::NotALink => "地址中的 # 之后不是本页面的分享链接。".to_string(),
            ShareError::Damaged => "分享链接不完整或已损坏，无法还原表格内容。".to_string(),
            ShareError::LinkTooLong(n) => format!(
                "分享链接太长（{} KB，本页生成的链接不超过 {} KB），未还原；输入框中保留原有内容。",
                n.div_ceil(1024),
                MAX_FRAGMENT / 1024
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ShareError::TooLarge(n) => format!(
                "The input is too large for a link ({} KB compressed, limit {} KB). Export the report or send the file instead.",
                n.div_ceil(1024),
                MAX_FRAGMENT / 1024
            ),
            ShareError::NotALink => "The part of the address after # is not a link of this page.".to_string(),
            ShareError::Damaged => "The share link is incomplete or damaged; the tables cannot be restored.".to_string(),
            ShareError::LinkTooLong(n) => format!(
                "The share link is too long ({} KB; this page makes links of at most {} KB): it was not opened and the box keeps its text.",
                n.div_ceil(1024),
                MAX_FRAGMENT / 1024
            ),
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_zh(), self.message_en())
    }
}

impl std::error::Error for ShareError {}

/// The fragment (without `#`) that carries `text`, or why it cannot.
pub fn encode(text: &str) -> Result<String, ShareError> {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    let fragment = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLarge(fragment.len()));
    }
    Ok(fragment)
}

/// The text a fragment (with or without its leading `#`) carries.
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let body = fragment.strip_prefix(PREFIX).ok_or(ShareError::NotALink)?;
    // Some mail clients append a padding `=` or wrap long links; neither changes the data.
    let body: String = body.chars().filter(|c| !c.is_whitespace() && *c != '=').collect();
    if body.len() + PREFIX.len() > MAX_FRAGMENT {
        return Err(ShareError::LinkTooLong(body.len() + PREFIX.len()));
    }
    let packed = URL_SAFE_NO_PAD.decode(body.as_bytes()).map_err(|_| ShareError::Damaged)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_TEXT).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::LinkTooLong(body.len() + PREFIX.len())
        } else {
            ShareError::Damaged
        }
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    #[test]
    fn opened_links_are_bounded_like_made_ones() {
        // 63 KB of link that expands to 2.5 M characters (issue 12).
        let text = "合计\t1.00\n一般公共预算\t2.00\n".repeat(2_500_000 / 22);
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 1);
        let fragment = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(&packed));
        assert!(fragment.len() > MAX_FRAGMENT, "{}", fragment.len());
        assert_eq!(decode(&fragment), Err(ShareError::LinkTooLong(fragment.len())));
        // A short link that inflates past the bound.
        let zeros = miniz_oxide::deflate::compress_to_vec(&vec![b'0'; MAX_TEXT + 1], 10);
        let fragment = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(&zeros));
        assert!(fragment.len() <= MAX_FRAGMENT);
        assert!(matches!(decode(&fragment), Err(ShareError::LinkTooLong(_))));
    }

    #[test]
    fn the_seed_round_trips_through_a_link_well_under_the_limit() {
        let fragment = encode(SEED).unwrap();
        assert!(fragment.starts_with("v1="));
        assert!(fragment[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert!(fragment.len() < 10 * 1024, "seed link is {} bytes", fragment.len());
        assert_eq!(decode(&fragment).unwrap(), SEED);
        assert_eq!(decode(&format!("#{fragment}")).unwrap(), SEED);
    }

    #[test]
    fn empty_and_chinese_text_round_trip() {
        for text in ["", "表一\t财政拨款收支总表\n单位：万元\n合计\t1,234.50"] {
            assert_eq!(decode(&encode(text).unwrap()).unwrap(), text);
        }
    }

    #[test]
    fn text_that_does_not_compress_is_refused_with_its_size() {
        // A pseudo-random string of digits barely compresses: about 0.42 bytes of DEFLATE per digit.
        let mut x: u64 = 12345;
        let noise: String = (0..100_000)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'0' + (x >> 60) as u8 % 10)
            })
            .collect();
        match encode(&noise) {
            Err(ShareError::TooLarge(n)) => {
                assert!(n > MAX_FRAGMENT);
                assert!(ShareError::TooLarge(n).message_zh().contains("上限 32 KB"));
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn damaged_and_foreign_fragments_are_told_apart() {
        let fragment = encode(SEED).unwrap();
        assert_eq!(decode(&fragment[..fragment.len() / 2]), Err(ShareError::Damaged));
        assert_eq!(decode("v1=!!!"), Err(ShareError::Damaged));
        assert_eq!(decode("rule-SUM003"), Err(ShareError::NotALink));
        assert_eq!(decode(""), Err(ShareError::NotALink));
    }

    #[test]
    fn a_padded_or_wrapped_link_still_decodes() {
        let fragment = encode("合计\t1.00").unwrap();
        let wrapped = format!("{}\n{}==", &fragment[..6], &fragment[6..]);
        assert_eq!(decode(&wrapped).unwrap(), "合计\t1.00");
    }
}
