//! One declaration for a plugin's citation table and the named indices its
//! results cite: [`citations!`](crate::citations).

/// Declares a plugin's citations once: each entry names a constant (the
/// citation's index, for [`Reason::new`](crate::Reason::new) and the
/// description's cross-references) and gives the citation. The indices
/// follow the order of declaration, so the table and the constants cannot
/// drift apart.
///
/// Generates, in the calling module: one `pub const NAME: u32` per entry
/// (with the entry's doc comment), `pub fn citations() -> Vec<Citation>` in
/// index order (for [`PluginDescription::citations`](crate::PluginDescription::citations)),
/// and `pub const CITATION_NAMES: &[&str]`, the constants' names in index
/// order (for `testing::assert_citations_used`, feature `test-fixtures`).
///
/// An entry is `NAME = (title, number, article, certainty);`, the first
/// three expressions of type `&str` (`number` empty where the regulation
/// has none) and the last a [`Certainty`](crate::Certainty) variant.
///
/// ```
/// mod cite {
///     const LAW: &str = "中华人民共和国食品安全法";
///     jianguan_plugin::citations! {
///         /// Food Safety Law Art. 125 para. 2: label flaws.
///         LABEL_FLAWS = (LAW, "", "第一百二十五条第二款", Solid);
///         /// Food Safety Law Art. 126.
///         ART_126 = (LAW, "", "第一百二十六条", Corroborated);
///     }
/// }
/// assert_eq!((cite::LABEL_FLAWS, cite::ART_126), (0, 1));
/// assert_eq!(cite::citations()[1].article, "第一百二十六条");
/// assert_eq!(cite::CITATION_NAMES, ["LABEL_FLAWS", "ART_126"]);
/// ```
#[macro_export]
macro_rules! citations {
    ($(
        $(#[$meta:meta])*
        $name:ident = ($title:expr, $number:expr, $article:expr, $certainty:ident);
    )+) => {
        // The compiler numbers the variants 0, 1, 2… in declaration order;
        // each constant reads its own.
        #[allow(non_camel_case_types, dead_code, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum __CitationIndex {
            $($name,)+
        }

        $(
            $(#[$meta])*
            pub const $name: u32 = __CitationIndex::$name as u32;
        )+

        /// Every citation, in index order: the constants of this module are
        /// indices into it.
        pub fn citations() -> ::std::vec::Vec<$crate::Citation> {
            ::std::vec![$(
                $crate::Citation::new($title, $number, $article, $crate::Certainty::$certainty),
            )+]
        }

        /// The names of the citation constants, in index order.
        pub const CITATION_NAMES: &[&str] = &[$(::std::stringify!($name)),+];
    };
}
