//! A4 pages as lists of drawing operations, laid out top to bottom with page breaks, then
//! written to PDF with krilla (text shaped and subset from one embedded font, vector paths).
//!
//! Two passes: the layout fills [`Page`]s; [`render`] draws them once the page count is known,
//! so every page can say "Page 2 of 5". Coordinates are PDF points, origin top left, y down.

use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

/// A4 width, points.
pub const PAGE_W: f32 = 595.28;
/// A4 height, points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 56.0;
/// Top margin.
pub const MARGIN_TOP: f32 = 56.0;
/// Bottom of the text area (the footer lies below it).
pub const BOTTOM: f32 = PAGE_H - 64.0;
/// Width of the text area.
pub const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// The one font: Ubuntu Light, bundled with egui (covers Latin, Cyrillic and Kazakh letters).
pub const FONT_BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Body text.
    pub const TEXT: Self = Self(25, 25, 25);
    /// Secondary text: sources, notes, axis labels.
    pub const WEAK: Self = Self(100, 100, 100);
    /// Rules and grid lines.
    pub const GRID: Self = Self(215, 215, 215);

    /// From an egui colour of the app's theme (alpha ignored).
    #[must_use]
    pub fn from_egui(c: egui::Color32) -> Self {
        Self(c.r(), c.g(), c.b())
    }

    fn krilla(self) -> rgb::Color {
        rgb::Color::new(self.0, self.1, self.2)
    }
}

/// Text weight: the font has one weight; bold is drawn as fill plus a thin outline of the
/// same glyphs (still real, selectable text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Ubuntu Light as is.
    Regular,
    /// Outlined for emphasis.
    Bold,
}

/// One drawing operation.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Text on one line; `y` is the baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size, points.
        size: f32,
        /// The text.
        text: String,
        /// Colour.
        color: Rgb,
        /// Weight.
        weight: Weight,
    },
    /// A polyline (closed and filled when `fill`).
    Path {
        /// Points.
        points: Vec<(f32, f32)>,
        /// Stroke width (0 for none).
        width: f32,
        /// Colour.
        color: Rgb,
        /// Dashed line.
        dashed: bool,
        /// Fill the closed shape instead of stroking.
        fill: bool,
    },
}

/// One page's operations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in order.
    pub ops: Vec<Op>,
}

/// The font's shaping face, parsed once; `None` only if the bundled font did not parse
/// (then widths measure as zero and [`render`] reports the font as unreadable).
fn face() -> Option<&'static rustybuzz::Face<'static>> {
    static FACE: OnceLock<Option<rustybuzz::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| rustybuzz::Face::from_slice(FONT_BYTES, 0)).as_ref()
}

/// Width of `text` at `size` points, shaped as krilla shapes it (rustybuzz).
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(face) = face() else { return 0.0 };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    #[allow(clippy::cast_precision_loss)]
    let units = units as f32;
    #[allow(clippy::cast_precision_loss)]
    let per_em = face.units_per_em().max(1) as f32;
    units * size / per_em
}

/// Splits `text` into lines no wider than `width` at `size`, breaking at spaces (a word
/// wider than the line is broken between characters). Line breaks in the text are kept.
#[must_use]
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if text_width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: break it if it is still too wide.
            let mut piece = String::new();
            for ch in word.chars() {
                piece.push(ch);
                if text_width(&piece, size) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(ch);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

/// Lays content out on pages, top to bottom.
#[derive(Debug)]
pub struct Layout {
    /// Pages finished and the one being filled (last).
    pub pages: Vec<Page>,
    /// Where the next block starts on the current page.
    pub y: f32,
}

impl Default for Layout {
    fn default() -> Self {
        Self::new()
    }
}

impl Layout {
    /// One empty page.
    #[must_use]
    pub fn new() -> Self {
        Self { pages: vec![Page::default()], y: MARGIN_TOP }
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    /// Breaks the page unless `height` points still fit on it.
    pub fn need(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN_TOP {
            self.page_break();
        }
    }

    /// Adds an operation to the current page.
    pub fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.ops.push(op);
        }
    }

    /// Text at a position (baseline `y`).
    pub fn text_at(&mut self, x: f32, y: f32, size: f32, text: &str, color: Rgb, weight: Weight) {
        if text.trim().is_empty() {
            return;
        }
        self.push(Op::Text { x, y, size, text: text.to_owned(), color, weight });
    }

    /// A line between points.
    pub fn line(&mut self, points: Vec<(f32, f32)>, width: f32, color: Rgb, dashed: bool) {
        self.push(Op::Path { points, width, color, dashed, fill: false });
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        let points = vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
        self.push(Op::Path { points, width: 0.0, color, dashed: false, fill: true });
    }

    /// A wrapped paragraph at the cursor, indented by `indent`; returns its height.
    pub fn paragraph(&mut self, text: &str, size: f32, color: Rgb, weight: Weight, indent: f32) -> f32 {
        let leading = size * 1.35;
        let lines = wrap(text, size, TEXT_W - indent);
        let start = self.y;
        for line in lines {
            self.need(leading);
            self.y += leading;
            self.text_at(MARGIN_X + indent, self.y - size * 0.3, size, &line, color, weight);
        }
        self.y - start
    }

    /// A section heading with a rule under it; kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.need(40.0 + keep);
        self.y += 26.0;
        self.text_at(MARGIN_X, self.y, 15.0, text, Rgb::TEXT, Weight::Bold);
        self.y += 6.0;
        self.line(vec![(MARGIN_X, self.y), (PAGE_W - MARGIN_X, self.y)], 0.6, Rgb::GRID, false);
        self.y += 8.0;
    }

    /// Vertical space.
    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }
}

/// Why the PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[error("cannot make the PDF: {0}")]
pub struct RenderError(pub String);

/// Draws the pages into a PDF, with "Page n of N" (and `footer_note`, e.g. the sample-data
/// label) at the foot of each.
///
/// # Errors
/// When krilla cannot load the font or finish the document.
pub fn render(
    pages: &[Page],
    page_label: impl Fn(usize, usize) -> String,
    footer_note: Option<&str>,
    title: &str,
    lang: &str,
) -> Result<Vec<u8>, RenderError> {
    let font = Font::new(Arc::new(FONT_BYTES.to_vec()).into(), 0)
        .ok_or_else(|| RenderError("the bundled font cannot be read".into()))?;
    let mut document = Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator(format!("tradedash {}", env!("CARGO_PKG_VERSION")))
            .language(lang.to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| RenderError("page size".into()))?;
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let mut p = document.start_page_with(settings.clone());
        let mut surface = p.surface();
        let mut ops = page.ops.clone();
        let label = page_label(i + 1, total);
        let size = 8.5;
        let foot_y = PAGE_H - 36.0;
        ops.push(Op::Text {
            x: PAGE_W - MARGIN_X - text_width(&label, size),
            y: foot_y,
            size,
            text: label,
            color: Rgb::WEAK,
            weight: Weight::Regular,
        });
        if let Some(note) = footer_note {
            ops.push(Op::Text {
                x: MARGIN_X,
                y: foot_y,
                size,
                text: note.to_owned(),
                color: Rgb::WEAK,
                weight: Weight::Bold,
            });
        }
        for op in &ops {
            draw(&mut surface, &font, op);
        }
        surface.finish();
        p.finish();
    }
    document.finish().map_err(|e| RenderError(format!("{e:?}")))
}

fn draw(surface: &mut krilla::surface::Surface<'_>, font: &Font, op: &Op) {
    match op {
        Op::Text { x, y, size, text, color, weight } => {
            surface.set_fill(Some(Fill { paint: color.krilla().into(), ..Fill::default() }));
            let stroke = (*weight == Weight::Bold).then(|| Stroke {
                paint: color.krilla().into(),
                width: size * 0.035,
                line_join: LineJoin::Round,
                ..Stroke::default()
            });
            surface.set_stroke(stroke);
            surface.draw_text(Point::from_xy(*x, *y), font.clone(), *size, text, false, TextDirection::Auto);
            surface.set_stroke(None);
        }
        Op::Path { points, width, color, dashed, fill } => {
            let Some(((x0, y0), rest)) = points.split_first() else { return };
            let mut pb = PathBuilder::new();
            pb.move_to(*x0, *y0);
            for (x, y) in rest {
                pb.line_to(*x, *y);
            }
            if *fill {
                pb.close();
            }
            let Some(path) = pb.finish() else { return };
            if *fill {
                surface.set_fill(Some(Fill { paint: color.krilla().into(), ..Fill::default() }));
                surface.set_stroke(None);
            } else {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color.krilla().into(),
                    width: *width,
                    line_cap: LineCap::Butt,
                    line_join: LineJoin::Round,
                    dash: dashed.then(|| StrokeDash { array: vec![3.0, 2.0], offset: 0.0 }),
                    opacity: NormalizedF32::ONE,
                    ..Stroke::default()
                }));
            }
            surface.draw_path(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size_and_cover_kazakh_letters() {
        let a = text_width("Brest", 10.0);
        assert!(a > 15.0 && a < 40.0, "{a}");
        assert!((text_width("Brest", 20.0) - 2.0 * a).abs() < 0.01);
        // Kazakh letters have glyphs: not the zero-width or .notdef fallback of a missing one.
        let face = face().unwrap();
        for ch in "ӘәҒғҚқҢңӨөҰұҮүҺһІі".chars() {
            assert!(face.glyph_index(ch).is_some(), "{ch} missing from the font");
        }
    }

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        let text =
            "Brest Oblast – Kazakhstan trade of $58.3 million in January–July 2018, up 18.6% year on year";
        let lines = wrap(text, 10.0, 150.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 150.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("a\nb", 10.0, 100.0), ["a", "b"]);
    }
}
