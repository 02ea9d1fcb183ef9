//! What can go wrong talking to ClickHouse, in words an analyst can act on. No message holds
//! the password: the client sends it in a header, and the server's answers do not repeat it.

use super::Address;

/// A ClickHouse source that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ClickHouseError {
    /// The address is not of the form the app reads.
    #[error("{0}")]
    Address(String),
    /// Nothing answered at the address (no server, wrong port, network down).
    #[error("cannot reach the ClickHouse server at {endpoint}: {detail}")]
    Unreachable {
        /// `http://host:port`.
        endpoint: String,
        /// What the network said.
        detail: String,
    },
    /// The server refused the user or the password.
    #[error(
        "the ClickHouse server at {endpoint} refused user {user:?}: wrong user or password (the password is read from TRADEDASH_CLICKHOUSE_PASSWORD)"
    )]
    Credentials {
        /// `http://host:port`.
        endpoint: String,
        /// The user of the address.
        user: String,
    },
    /// The database or the table is not there.
    #[error("there is no table {table} on the ClickHouse server at {endpoint} ({detail})")]
    UnknownTable {
        /// `database.table`.
        table: String,
        /// `http://host:port`.
        endpoint: String,
        /// The server's words.
        detail: String,
    },
    /// The table's columns are neither of the two shapes the app reads.
    #[error("the ClickHouse table {table} cannot be read: {detail}")]
    Columns {
        /// `database.table`.
        table: String,
        /// Which shape came closest and what it lacks.
        detail: String,
    },
    /// A query took longer than the address allows.
    #[error(
        "the ClickHouse server at {endpoint} did not answer within {secs} s (raise it with ?timeout=SECONDS in the address)"
    )]
    Timeout {
        /// `http://host:port`.
        endpoint: String,
        /// The limit.
        secs: u64,
    },
    /// Any other answer of the server: its code and first line.
    #[error("the ClickHouse server at {endpoint} answered: {detail}")]
    Server {
        /// `http://host:port`.
        endpoint: String,
        /// The server's message.
        detail: String,
    },
    /// `clickhouses://` in a build without TLS.
    #[error(
        "clickhouses:// (TLS) needs tradedash built with the `clickhouse-tls` feature; this build speaks plain HTTP only"
    )]
    NoTls,
    /// The runtime for the client could not be made.
    #[error("cannot start the ClickHouse client: {0}")]
    Runtime(String),
    /// Rows that could not be written (`push`).
    #[error("{0}")]
    Push(String),
    /// The user cancelled the query (the window's Cancel): the app stopped waiting and closed
    /// the connection.
    #[error("cancelled")]
    Cancelled,
}

impl ClickHouseError {
    /// The error a client error stands for, at `address`.
    pub(super) fn from_client(e: clickhouse::error::Error, address: &Address) -> Self {
        let endpoint = address.endpoint();
        match e {
            clickhouse::error::Error::Network(n) => {
                let mut detail = n.to_string();
                let mut source = n.source();
                while let Some(s) = source {
                    detail = format!("{detail}: {s}");
                    source = s.source();
                }
                Self::Unreachable { endpoint, detail }
            }
            clickhouse::error::Error::TimedOut => Self::Timeout { endpoint, secs: address.timeout_secs },
            clickhouse::error::Error::BadResponse(text) => Self::from_server(&text, address),
            other => Self::Server { endpoint, detail: other.to_string() },
        }
    }

    /// The error a server's error text stands for ("Code: 60, e.displayText() = …").
    fn from_server(text: &str, address: &Address) -> Self {
        let endpoint = address.endpoint();
        let code = text
            .trim_start()
            .strip_prefix("Code: ")
            .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|c| c.parse::<u32>().ok());
        let detail = server_words(text);
        match code {
            // 192 unknown user, 193 wrong password, 516 authentication failed (newer servers).
            Some(192 | 193 | 516) => Self::Credentials { endpoint, user: address.user.clone() },
            // 60 unknown table, 81 unknown database.
            Some(60 | 81) => Self::UnknownTable {
                table: format!("{}.{}", address.database, address.table),
                endpoint,
                detail,
            },
            // 159 timeout exceeded.
            Some(159) => Self::Timeout { endpoint, secs: address.timeout_secs },
            _ => Self::Server { endpoint, detail },
        }
    }
}

/// The server's message without its wrapping: "DB::Exception: Table x doesn't exist." rather
/// than "Code: 60, e.displayText() = DB::Exception: …, e.what() = DB::Exception".
fn server_words(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let inner = line.split_once("e.displayText() = ").map_or(line, |(_, r)| r);
    let inner = inner.rsplit_once(", e.what()").map_or(inner, |(l, _)| l);
    let inner = inner.strip_prefix("DB::Exception: ").unwrap_or(inner);
    inner.trim_end_matches(" (version").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Address {
        Address::parse("clickhouse://tradedash@127.0.0.1:18123/default/trade").unwrap()
    }

    #[test]
    fn server_codes_become_clear_messages() {
        let e = ClickHouseError::from_server(
            "Code: 193, e.displayText() = DB::Exception: Wrong password for user tradedash, e.what() = DB::Exception\n",
            &at(),
        );
        assert!(matches!(e, ClickHouseError::Credentials { .. }), "{e}");
        let e = ClickHouseError::from_server(
            "Code: 60, e.displayText() = DB::Exception: Table default.trade doesn't exist., e.what() = DB::Exception",
            &at(),
        );
        assert_eq!(
            e.to_string(),
            "there is no table default.trade on the ClickHouse server at http://127.0.0.1:18123 (Table default.trade doesn't exist.)"
        );
        let e =
            ClickHouseError::from_server("Code: 62, e.displayText() = DB::Exception: Syntax error", &at());
        assert_eq!(e.to_string(), "the ClickHouse server at http://127.0.0.1:18123 answered: Syntax error");
    }
}
