//! The interface language as an app setting: kept in eframe's storage beside the recent files
//! and the window size, never in a workspace (a workspace sent from Minsk to Astana opens in
//! the reader's language). On the first start, with nothing stored, it comes from the system
//! locale.

use super::Lang;

/// eframe storage key of the chosen language.
pub const STORAGE_LANG: &str = "tradedash.lang";

/// The language to start in: the one stored by an earlier run, else the system locale's.
#[must_use]
pub fn load(storage: Option<&dyn eframe::Storage>) -> Lang {
    load_or(storage, Lang::from_system)
}

/// The stored language, else `first_start()`: the seam tests use instead of the system locale.
#[must_use]
pub fn load_or(storage: Option<&dyn eframe::Storage>, first_start: impl FnOnce() -> Lang) -> Lang {
    storage.and_then(|s| eframe::get_value::<Lang>(s, STORAGE_LANG)).unwrap_or_else(first_start)
}

/// Stores the chosen language (call from `eframe::App::save`).
pub fn save(storage: &mut dyn eframe::Storage, lang: Lang) {
    eframe::set_value(storage, STORAGE_LANG, &lang);
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// eframe storage in memory.
    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn first_start_follows_the_system_then_the_stored_choice_wins() {
        let mut storage = Memory::default();
        assert_eq!(load_or(Some(&storage), || Lang::Kk), Lang::Kk);
        assert_eq!(load_or(None, || Lang::Ru), Lang::Ru);
        save(&mut storage, Lang::Ru);
        assert_eq!(load_or(Some(&storage), || Lang::Kk), Lang::Ru);
        save(&mut storage, Lang::En);
        assert_eq!(load_or(Some(&storage), || Lang::Kk), Lang::En);
    }

    #[test]
    fn a_damaged_stored_value_falls_back_to_the_system() {
        let mut storage = Memory::default();
        eframe::Storage::set_string(&mut storage, STORAGE_LANG, "\"klingon\"".to_owned());
        assert_eq!(load_or(Some(&storage), || Lang::Kk), Lang::Kk);
    }
}
