//! PNG files from screenshots.

use std::path::Path;

use super::atomic::{WriteError, write_atomic};

/// Encodes an egui image as PNG bytes.
///
/// # Errors
/// When the image is too large for PNG or encoding fails.
pub fn encode(image: &egui::ColorImage) -> Result<Vec<u8>, image::ImageError> {
    let [w, h] = image.size;
    let too_large = || {
        image::ImageError::Limits(image::error::LimitError::from_kind(
            image::error::LimitErrorKind::DimensionError,
        ))
    };
    let w = u32::try_from(w).map_err(|_| too_large())?;
    let h = u32::try_from(h).map_err(|_| too_large())?;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let mut out = std::io::Cursor::new(Vec::new());
    image::write_buffer_with_format(
        &mut out,
        &rgba,
        w,
        h,
        image::ExtendedColorType::Rgba8,
        image::ImageFormat::Png,
    )?;
    Ok(out.into_inner())
}

/// Writes an egui image as a PNG file, atomically.
///
/// # Errors
/// When encoding or writing fails; an existing file at `path` is left intact.
pub fn save(path: &Path, image: &egui::ColorImage) -> Result<(), WriteError> {
    let bytes =
        encode(image).map_err(|e| WriteError { path: path.to_owned(), source: std::io::Error::other(e) })?;
    write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods)] // a test pixel, not a UI colour
    fn writes_a_png_that_decodes_to_the_same_pixels() {
        let mut img = egui::ColorImage::filled([3, 2], egui::Color32::WHITE);
        img.pixels[4] = egui::Color32::from_rgb(200, 10, 20);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.png");
        save(&p, &img).unwrap();
        let back = image::open(&p).unwrap().to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(1, 1).0, [200, 10, 20, 255]);
        assert_eq!(back.get_pixel(0, 0).0, [255, 255, 255, 255]);
    }
}
