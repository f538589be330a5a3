//! `--each`'s arguments as a list of files: a file as given, a directory as the supported files
//! below it, sorted by name at each level so the order (and the output) is the same every run.

pub use budget_check::batch::FOLDER_EXTENSIONS as SUPPORTED;
use std::path::Path;

/// A file to check, or a directory that could not be listed (said, never silently skipped).
#[derive(Debug, PartialEq)]
pub enum Found {
    File(String),
    Unlisted { path: String, why_zh: String, why_en: String },
}

/// The files named or found below the directories named, in order.
pub fn files(args: &[String]) -> Vec<Found> {
    let mut found = Vec::new();
    for arg in args {
        if Path::new(arg).is_dir() {
            walk(Path::new(arg), &mut found);
        } else {
            found.push(Found::File(arg.clone()));
        }
    }
    found
}

fn supported(path: &Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    SUPPORTED.contains(&extension.as_str())
}

/// Hidden files and folders (`.git`, `.~lock…`) are skipped; symbolic links to folders are not
/// followed, so a link back up cannot loop.
fn walk(dir: &Path, found: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let path = dir.display().to_string();
            let (why_zh, why_en) = (format!("无法读取目录 {path}：{e}"), format!("cannot list {path}: {e}"));
            found.push(Found::Unlisted { path, why_zh, why_en });
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().filter(|e| !e.file_name().to_string_lossy().starts_with('.')).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(&path, found);
            }
        } else if path.is_file() && supported(&path) {
            found.push(Found::File(path.display().to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_give_their_supported_files_sorted_and_hidden_ones_skipped() {
        let dir = std::env::temp_dir().join(format!("budget-check-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/.hidden")).unwrap();
        for name in ["b/2.PDF", "b/1.txt", "a.xlsx", ".x.txt", "notes.docx", "b/.hidden/h.txt", "c.csv"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let root = dir.display().to_string();
        let names: Vec<Found> = files(&[root.clone(), format!("{root}/notes.docx")]);
        std::fs::remove_dir_all(&dir).ok();
        let expected =
            ["a.xlsx", "b/1.txt", "b/2.PDF", "c.csv", "notes.docx"].map(|n| Found::File(format!("{root}/{n}")));
        assert_eq!(names, expected);
    }
}
