//! SQL text with its values kept apart: identifiers and string values are `?` in the text and
//! are escaped by the client's `bind` (ClickHouse 18.16 has no server-side query
//! parameters), so nothing the user types is pasted into a query raw.

/// A value bound to a `?` of the text.
#[derive(Clone, Debug)]
enum Arg {
    /// A column or table name: backquoted and escaped.
    Ident(String),
    /// A string value: quoted and escaped.
    Str(String),
}

/// A piece of SQL and the values of its `?`s, in order.
#[derive(Clone, Debug, Default)]
pub(super) struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    /// SQL written by the app (no `?` in it).
    pub(super) fn raw(text: &str) -> Self {
        Self { text: text.to_owned(), args: Vec::new() }
    }

    /// Appends SQL written by the app.
    pub(super) fn push(&mut self, text: &str) -> &mut Self {
        debug_assert!(!text.contains('?'), "raw SQL with a placeholder: {text}");
        self.text.push_str(text);
        self
    }

    /// Appends a column or table name.
    pub(super) fn ident(&mut self, name: &str) -> &mut Self {
        self.text.push('?');
        self.args.push(Arg::Ident(name.to_owned()));
        self
    }

    /// Appends a string value.
    pub(super) fn lit(&mut self, value: &str) -> &mut Self {
        self.text.push('?');
        self.args.push(Arg::Str(value.to_owned()));
        self
    }

    /// Appends another piece.
    pub(super) fn add(&mut self, other: &Self) -> &mut Self {
        self.text.push_str(&other.text);
        self.args.extend(other.args.iter().cloned());
        self
    }

    /// The query, with its values bound by the client.
    pub(super) fn query(&self, client: &clickhouse::Client) -> clickhouse::query::Query {
        let mut q = client.query(&self.text);
        for a in &self.args {
            q = match a {
                Arg::Ident(name) => q.bind(clickhouse::sql::Identifier(name)),
                Arg::Str(value) => q.bind(value.as_str()),
            };
        }
        q
    }

    /// The text with `?` for the values (for tests and docs; holds no value).
    #[cfg(test)]
    pub(super) fn text(&self) -> &str {
        &self.text
    }
}

/// `a` and then `b`.
pub(super) fn cat(parts: &[&Sql]) -> Sql {
    let mut s = Sql::default();
    for p in parts {
        s.add(p);
    }
    s
}
