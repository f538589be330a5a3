//! The page's two languages: Chinese first (with English beside it), or English alone.

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A label: Chinese with its English in a quieter span, or English alone on the English page.
pub fn both(lang: Lang, zh: &str, en: &str) -> Html {
    match lang {
        Lang::Zh => html! { <>{zh.to_string()}<span class="en" lang="en">{en.to_string()}</span></> },
        Lang::En => html! { <>{en.to_string()}</> },
    }
}

/// A button's text: `检查 / Check`, or `Check` on the English page; a word both languages
/// share (`JSON`) once.
pub fn slash(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh if zh != en => format!("{zh} / {en}"),
        Lang::Zh | Lang::En => en.to_string(),
    }
}

/// The language the page is shown in, from the provider in `App`.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
