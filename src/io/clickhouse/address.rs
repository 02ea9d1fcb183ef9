//! `clickhouse://USER@HOST:PORT/DATABASE/TABLE[?timeout=SECONDS]`: where a table is and who
//! reads it. The password is never part of it (see [`super::PASSWORD_ENV`]).

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How long a query may take when the address does not say (`?timeout=`), in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// A ClickHouse table as the app names it: everything but the password.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// `clickhouses://`: HTTPS.
    pub tls: bool,
    /// The user the queries run as.
    pub user: String,
    /// Host name or IP address.
    pub host: String,
    /// The HTTP(S) port (8123 / 8443 by default).
    pub port: u16,
    /// The database.
    pub database: String,
    /// The table (a `Distributed` table on a cluster).
    pub table: String,
    /// Longest a query may run, in seconds, on the server (`max_execution_time`) and waiting
    /// for its answer.
    pub timeout_secs: u64,
}

/// Whether `text` is meant as a ClickHouse address (it starts with `clickhouse://` or
/// `clickhouses://`), so that a mistake in it is reported as one, not as a missing file.
#[must_use]
pub fn is_address(text: &str) -> bool {
    let t = text.trim_start().to_ascii_lowercase();
    t.starts_with("clickhouse://") || t.starts_with("clickhouses://")
}

impl Address {
    /// Parses `clickhouse://USER@HOST:PORT/DATABASE/TABLE` (`clickhouses://` for TLS; the
    /// port defaults to 8123 / 8443, the user to `default`; `?timeout=SECONDS` optional).
    ///
    /// # Errors
    /// What is wrong with the address, with the expected form.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let form = "expected clickhouse://USER@HOST:PORT/DATABASE/TABLE";
        let (tls, rest) = if let Some(r) = strip_prefix_ci(text, "clickhouses://") {
            (true, r)
        } else if let Some(r) = strip_prefix_ci(text, "clickhouse://") {
            (false, r)
        } else {
            return Err(format!("{form}, found {text:?}"));
        };
        let (rest, query) = rest.split_once('?').map_or((rest, None), |(a, b)| (a, Some(b)));
        let (authority, path) =
            rest.split_once('/').ok_or_else(|| format!("{form}: no /DATABASE/TABLE in {text:?}"))?;
        let (user, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (u, h),
            None => ("default", authority),
        };
        if user.contains(':') {
            return Err(format!(
                "the address holds a password; give it in {} instead (it is never saved)",
                super::PASSWORD_ENV
            ));
        }
        let default_port = if tls { 8443 } else { 8123 };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse::<u16>()
                    .map_err(|_| format!("{form}: the port {p:?} is not a number from 1 to 65535"))?,
            ),
            None => (hostport, default_port),
        };
        let mut parts = path.split('/');
        let (Some(database), Some(table), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("{form}: the path must be /DATABASE/TABLE, found /{path}"));
        };
        for (what, v) in [("user", user), ("host", host), ("database", database), ("table", table)] {
            if v.is_empty() {
                return Err(format!("{form}: the {what} is empty in {text:?}"));
            }
        }
        let timeout_secs = match query {
            None => DEFAULT_TIMEOUT_SECS,
            Some(q) => parse_timeout(q)?,
        };
        Ok(Self {
            tls,
            user: user.to_owned(),
            host: host.to_owned(),
            port,
            database: database.to_owned(),
            table: table.to_owned(),
            timeout_secs,
        })
    }

    /// The HTTP endpoint the client talks to.
    #[must_use]
    pub fn endpoint(&self) -> String {
        format!("{}://{}:{}", if self.tls { "https" } else { "http" }, self.host, self.port)
    }

    /// How long a query may take.
    #[must_use]
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs)
    }

    /// The same address with another table (`push` to a table beside it).
    #[must_use]
    pub fn with_table(&self, table: &str) -> Self {
        Self { table: table.to_owned(), ..self.clone() }
    }
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn parse_timeout(query: &str) -> Result<u64, String> {
    let mut secs = DEFAULT_TIMEOUT_SECS;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("timeout", v)) => {
                secs = v
                    .parse::<u64>()
                    .ok()
                    .filter(|s| (1..=86_400).contains(s))
                    .ok_or_else(|| format!("?timeout= expects seconds from 1 to 86400, found {v:?}"))?;
            }
            _ => return Err(format!("unknown option {pair:?} in the address (known: timeout=SECONDS)")),
        }
    }
    Ok(secs)
}

impl fmt::Display for Address {
    /// The address as typed, without the password (there is none in it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.tls { "clickhouses" } else { "clickhouse" };
        write!(f, "{scheme}://{}@{}:{}/{}/{}", self.user, self.host, self.port, self.database, self.table)?;
        if self.timeout_secs != DEFAULT_TIMEOUT_SECS {
            write!(f, "?timeout={}", self.timeout_secs)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_form() {
        let a = Address::parse("clickhouse://tradedash@127.0.0.1:18123/default/trade").unwrap();
        assert_eq!(
            (a.tls, a.user.as_str(), a.host.as_str(), a.port),
            (false, "tradedash", "127.0.0.1", 18123)
        );
        assert_eq!((a.database.as_str(), a.table.as_str(), a.timeout_secs), ("default", "trade", 60));
        assert_eq!(a.endpoint(), "http://127.0.0.1:18123");
        assert_eq!(a.to_string(), "clickhouse://tradedash@127.0.0.1:18123/default/trade");
        let t = Address::parse("CLICKHOUSES://db.example.org/stats/trade_all?timeout=5").unwrap();
        assert_eq!((t.tls, t.user.as_str(), t.port, t.timeout_secs), (true, "default", 8443, 5));
        assert_eq!(t.endpoint(), "https://db.example.org:8443");
    }

    #[test]
    fn says_what_is_wrong() {
        let e = Address::parse("clickhouse://u:secret@h:1/db/t").unwrap_err();
        assert!(e.contains("TRADEDASH_CLICKHOUSE_PASSWORD") && !e.contains("secret"), "{e}");
        assert!(Address::parse("clickhouse://u@h:99999/db/t").unwrap_err().contains("port"));
        assert!(Address::parse("clickhouse://u@h:1/db").unwrap_err().contains("/DATABASE/TABLE"));
        assert!(Address::parse("clickhouse://u@h:1/db/t/x").unwrap_err().contains("/DATABASE/TABLE"));
        assert!(Address::parse("clickhouse://u@h:1/db/t?timeout=0").unwrap_err().contains("timeout"));
        assert!(Address::parse("clickhouse://u@h:1/db/t?x=1").unwrap_err().contains("unknown option"));
        assert!(is_address("clickhouse://x") && !is_address("trade.csv"));
    }
}
