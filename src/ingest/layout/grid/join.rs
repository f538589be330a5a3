//! Words and figures pdftotext printed in pieces, put back together: letter-spaced header
//! terms, words of one cell, and decimals broken off onto the line above or below.

use super::super::words::{Item, Kind, Word};
use super::lines::side_of;
use super::BodyLine;
use crate::ingest::Misalignment;

/// Header terms printed letter-spaced to fill a wide cell (`合   计`, `项   目`, `金   额`): one
/// word. Only these known terms: `类   款` over split code columns must stay apart.
pub(super) fn join_spaced_terms(words: &[Word]) -> Vec<Word> {
    const TERMS: &[&str] = &["合计", "项目"];
    if let Some(pair) = join_side_pair(words) {
        return pair;
    }
    let mut out: Vec<Word> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(last)
                if last.text.chars().count() == 1
                    && w.start <= last.end + 6
                    && TERMS.contains(&format!("{}{}", last.text, w.text).as_str()) =>
            {
                last.text.push_str(&w.text);
                last.end = w.end;
            }
            _ => out.push(w.clone()),
        }
    }
    out
}

/// `收      入          支      出`: a 收入 | 支出 line letter-spaced across two wide cells, as
/// the two words it is.
fn join_side_pair(words: &[Word]) -> Option<Vec<Word>> {
    let (first, last) = (words.first()?, words.last()?);
    if words.len() <= 2 {
        return None;
    }
    let text = |part: &[Word]| part.iter().map(|w| w.text.as_str()).collect::<String>();
    (1..words.len()).find_map(|k| {
        let (left, right) = (text(&words[..k]), text(&words[k..]));
        (side_of(&left) == Some("收入") && side_of(&right) == Some("支出")).then(|| {
            vec![
                Word { text: left, start: first.start, end: words[k - 1].end },
                Word { text: right, start: words[k].start, end: last.end },
            ]
        })
    })
}

/// The words of one cell as one text: a space between two Latin words, none next to Chinese.
pub(in crate::ingest::layout) fn join_words(words: &[Word]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let cjk_edge =
            out.chars().last().is_some_and(|c| !c.is_ascii()) || w.text.chars().next().is_some_and(|c| !c.is_ascii());
        if i > 0 && !cjk_edge {
            out.push(' ');
        }
        out.push_str(&w.text);
    }
    out
}

/// `163,250` at the end of one line and `.48` under it on the next are one number; so are `.41`
/// and the `13,576` printed just under it (22's 表四 lifts some decimals above their figure)
/// when no number above takes them and that number has no decimals of its own beneath.
pub(super) fn join_split_decimals(body: &mut [BodyLine]) -> Result<(), Misalignment> {
    let fits = |number: &Item, decimals: &Item| {
        number.kind == Kind::Number
            && !number.word.text.contains('.')
            && number.word.end + 4 >= decimals.word.start
            && number.word.end <= decimals.word.end + 1
    };
    let next_to = |body: &[BodyLine], i: usize| body.get(i + 1).filter(|n| n.index == body[i].index + 1).map(|_| i + 1);
    for i in 0..body.len() {
        while let Some(pos) = body[i].items.iter().position(|it| it.kind == Kind::Decimals) {
            let decimals = body[i].items.remove(pos);
            let above = (i.saturating_sub(2)..i)
                .rev()
                .find_map(|j| Some((j, body[j].items.iter().position(|it| fits(it, &decimals))?)));
            let below = || {
                let j = next_to(body, i)?;
                let k = body[j].items.iter().position(|it| fits(it, &decimals))?;
                let own = next_to(body, j).is_some_and(|l| {
                    body[l].items.iter().any(|d| d.kind == Kind::Decimals && fits(&body[j].items[k], d))
                });
                (!own).then_some((j, k))
            };
            match above.or_else(below) {
                Some((j, k)) => {
                    let number = &mut body[j].items[k];
                    number.word.text.push_str(&decimals.word.text);
                    number.word.end = decimals.word.end.max(number.word.end);
                }
                None => {
                    return Err(Misalignment {
                        line: body[i].no,
                        detail_zh: format!("小数部分“{}”找不到所属的数", decimals.word.text),
                        detail_en: format!("the decimals “{}” belong to no number beside them", decimals.word.text),
                    })
                }
            }
        }
    }
    Ok(())
}
