//! Inline markup that PDF→markdown converters leave in cells: `<b>`, `<p>`, `&nbsp;`, `**`.

/// Removes tags such as `<b>` or `</p>` and decodes the common entities.
pub fn strip_inline_markup(text: &str) -> String {
    // Most cells hold no tag, entity or emphasis: nothing to strip, one copy.
    if !text.bytes().any(|b| matches!(b, b'<' | b'&' | b'*')) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match tag_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("**", "")
}

/// Length of a tag at the start of `s` (`<b>`, `</p>`, `<br/>`), or None when `<` is text,
/// as in the indicator nature `<` or `<5%`.
fn tag_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('<')?;
    let name_start = body.strip_prefix('/').unwrap_or(body);
    if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // A tag is at most 200 bytes inside its brackets: looking further for its `>` would scan
    // the rest of a long line once per `<` in it.
    let end = s.bytes().take(202).position(|b| b == b'>')?;
    let inner = &s[1..end];
    let plausible = inner.len() <= 200 && !inner.contains('<');
    plausible.then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_but_keeps_comparison_signs() {
        assert_eq!(strip_inline_markup("<b>1,136.88</b>"), "1,136.88");
        assert_eq!(strip_inline_markup("<p>保障运转</p>"), "保障运转");
        assert_eq!(strip_inline_markup("<"), "<");
        assert_eq!(strip_inline_markup("<5%"), "<5%");
        assert_eq!(strip_inline_markup("a&nbsp;b"), "a b");
    }
}
