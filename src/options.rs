//! The option structs' one style: `#[non_exhaustive] pub struct XOptions { pub field: T, ..
//! }` + `Default` + chained setters named after matplotlib's keywords,
//! `XOptions::default().cmap(c).vmin(0.0)`. [`option_setters!`] writes the setters.

/// Writes chained setters `fn name(mut self, v: T) -> Self` for an option struct: one line
/// per setter, `/// doc` then `name: Type => field` (or `=> field = Some` for an `Option`
/// field set from its value; `= into` and `= some_into` for `impl Into<String>` values).
macro_rules! option_setters {
    ($ty:ty { $( $(#[doc = $doc:literal])+ $name:ident : $arg:ty => $field:ident $(= $wrap:ident)? ; )* }) => {
        impl $ty {
            $(
                $(#[doc = $doc])+
                #[must_use]
                pub fn $name(mut self, v: $arg) -> Self {
                    self.$field = option_setters!(@wrap v $($wrap)?);
                    self
                }
            )*
        }
    };
    (@wrap $v:ident) => { $v };
    (@wrap $v:ident Some) => { Some($v) };
    (@wrap $v:ident into) => { $v.into() };
    (@wrap $v:ident some_into) => { Some($v.into()) };
}
