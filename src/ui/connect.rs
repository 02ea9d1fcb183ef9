//! File ▸ Connect to ClickHouse…: the form (server URL, database, table, user, password typed
//! masked or taken from `TRADEDASH_CLICKHOUSE_PASSWORD`, timeout). It pushes
//! [`Command::Connect`]; the app runs the connection on a job thread (docs/clickhouse.md). The
//! typed password stays in this form's memory for the session, so that a reconnect need not ask
//! again; it is never written anywhere.

use egui::{Context, Ui};

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::io::clickhouse::{Address, DEFAULT_TIMEOUT_SECS, PASSWORD_ENV, Password, password_from_env};

/// The form's fields and whether it is shown.
#[derive(Debug)]
pub struct ConnectForm {
    /// Shown.
    pub open: bool,
    /// `http://HOST:PORT` (`https://` for TLS); a whole `clickhouse://…` address is read too.
    pub url: String,
    /// The database.
    pub database: String,
    /// The table.
    pub table: String,
    /// The user (`default` when empty).
    pub user: String,
    /// Seconds a query may take.
    pub timeout: String,
    /// Typed, masked; memory only (see the module's note).
    password: String,
    /// What went wrong with the last connect, or why the form is asking (a reconnect).
    pub message: Option<String>,
}

impl Default for ConnectForm {
    fn default() -> Self {
        Self {
            open: false,
            url: "http://127.0.0.1:8123".into(),
            database: "default".into(),
            table: String::new(),
            user: "default".into(),
            timeout: DEFAULT_TIMEOUT_SECS.to_string(),
            password: String::new(),
            message: None,
        }
    }
}

impl ConnectForm {
    /// Fills the fields from `a` (the current or saved connection); the password typed stays.
    pub fn fill(&mut self, a: &Address) {
        self.url = a.endpoint();
        self.database.clone_from(&a.database);
        self.table.clone_from(&a.table);
        self.user.clone_from(&a.user);
        self.timeout = a.timeout_secs.to_string();
    }

    /// The password to connect with: the typed one, else the environment's, else none.
    #[must_use]
    pub fn password(&self) -> Password {
        if self.password.is_empty() {
            Password::from_env().unwrap_or_default()
        } else {
            Password::new(self.password.clone())
        }
    }

    /// Whether a password is at hand without asking (typed this session, or in the environment).
    #[must_use]
    pub fn has_password(&self) -> bool {
        !self.password.is_empty() || password_from_env().is_some()
    }

    /// The address the fields name.
    ///
    /// # Errors
    /// What is wrong with them, as [`Address::parse`] says it.
    pub fn address(&self) -> Result<Address, String> {
        let url = self.url.trim();
        if crate::io::clickhouse::is_address(url) {
            return Address::parse(url);
        }
        let lower = url.to_ascii_lowercase();
        let (scheme, rest) = if lower.starts_with("https://") {
            ("clickhouses", &url["https://".len()..])
        } else if lower.starts_with("http://") {
            ("clickhouse", &url["http://".len()..])
        } else {
            ("clickhouse", url)
        };
        let host = rest.trim_end_matches('/');
        let user = if self.user.trim().is_empty() { "default" } else { self.user.trim() };
        let (db, table, timeout) = (self.database.trim(), self.table.trim(), self.timeout.trim());
        Address::parse(&format!("{scheme}://{user}@{host}/{db}/{table}?timeout={timeout}"))
    }

    /// The window, when shown.
    pub fn window_ui(&mut self, ctx: &Context, lang: Lang, commands: &mut CommandQueue) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut close = false;
        egui::Window::new(tr(lang, "connect-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            .show(ctx, |ui| close = self.form_ui(ui, lang, commands));
        self.open = open && !close;
    }

    /// The fields and buttons; returns whether the window should close.
    fn form_ui(&mut self, ui: &mut Ui, lang: Lang, commands: &mut CommandQueue) -> bool {
        egui::Grid::new("connect-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            field(ui, &tr(lang, "connect-url"), &mut self.url, false);
            field(ui, &tr(lang, "connect-database"), &mut self.database, false);
            field(ui, &tr(lang, "connect-table"), &mut self.table, false);
            field(ui, &tr(lang, "connect-user"), &mut self.user, false);
            field(ui, &tr(lang, "connect-password"), &mut self.password, true);
            field(ui, &tr(lang, "connect-timeout"), &mut self.timeout, false);
        });
        let hint = if password_from_env().is_some() {
            tr!(lang, "connect-password-env-set", var = PASSWORD_ENV)
        } else {
            tr!(lang, "connect-password-env-unset", var = PASSWORD_ENV)
        };
        ui.small(hint);
        if let Some(m) = &self.message {
            ui.colored_label(crate::ui::theme::error(ui.visuals()), m);
        }
        ui.separator();
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "connect-connect")).clicked() {
                match self.address() {
                    Ok(a) => {
                        self.message = None;
                        commands.push(Command::Connect(a, self.password()));
                        close = true;
                    }
                    Err(e) => self.message = Some(e),
                }
            }
            if ui.button(tr(lang, "connect-cancel")).clicked() {
                close = true;
            }
        });
        close
    }
}

fn field(ui: &mut Ui, label: &str, value: &mut String, password: bool) {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).password(password).desired_width(300.0)).labelled_by(label.id);
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_make_an_address() {
        let mut f = ConnectForm { table: "flows".into(), user: "analyst".into(), ..ConnectForm::default() };
        f.url = "http://db.example.org:8123/".into();
        f.database = "trade".into();
        let a = f.address().unwrap();
        assert_eq!(a.to_string(), "clickhouse://analyst@db.example.org:8123/trade/flows");
        f.url = "HTTPS://db.example.org".into();
        f.timeout = "5".into();
        assert_eq!(
            f.address().unwrap().to_string(),
            "clickhouses://analyst@db.example.org:8443/trade/flows?timeout=5"
        );
        f.url = "clickhouse://u@h:1/d/t".into();
        assert_eq!(f.address().unwrap().table, "t");
        f.url = "db:8123".into();
        f.table = String::new();
        assert!(f.address().unwrap_err().contains("table is empty"));
        f.table = "t".into();
        f.timeout = "0".into();
        assert!(f.address().unwrap_err().contains("timeout"));
    }

    #[test]
    fn fill_keeps_the_typed_password() {
        let mut f = ConnectForm { password: "typed".into(), ..ConnectForm::default() };
        f.fill(&Address::parse("clickhouse://u@h:9/d/t?timeout=7").unwrap());
        assert_eq!((f.url.as_str(), f.timeout.as_str(), f.user.as_str()), ("http://h:9", "7", "u"));
        assert_eq!(f.password().get(), Some("typed"));
    }
}
