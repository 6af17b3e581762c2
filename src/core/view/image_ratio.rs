//! The shape of an image's box, from the `width` and `height` a corpus states.
//!
//! The box is laid out before the picture arrives (no layout jump), so its shape comes from the
//! corpus, which is untrusted: `width: 1, height: 4294967295` would make a box 33 million
//! pixels tall in a list. The ratio is therefore clamped to what a news picture plausibly is.

/// The widest box: 4 wide to 1 high (panoramas are cropped to it; `object-fit: cover`).
pub const WIDEST: (u32, u32) = (4, 1);
/// The tallest box: 1 wide to 4 high (taller portraits are cropped to it).
pub const TALLEST: (u32, u32) = (1, 4);
/// The box of a picture without usable dimensions: a common photo shape.
pub const UNKNOWN: (u32, u32) = (3, 2);

/// The CSS `aspect-ratio` for a picture of `width` × `height`: the stated ratio when it is
/// between 1:4 and 4:1, else the nearer bound; 3:2 when either side is missing or zero.
///
/// Clamped rather than refused: a very wide or tall picture still gets a box (cropped by
/// `object-fit: cover`), and the page stays a few screens tall whatever the corpus says.
pub fn aspect_ratio(width: Option<u32>, height: Option<u32>) -> String {
    let (w, h) = match (width, height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => clamp(w, h),
        _ => UNKNOWN,
    };
    format!("{w} / {h}")
}

/// `w : h` limited to the range [`TALLEST`] ..= [`WIDEST`]; compared in `u64`, so no overflow.
fn clamp(w: u32, h: u32) -> (u32, u32) {
    let (wide, high) = (u64::from(w), u64::from(h));
    if wide * u64::from(WIDEST.1) > high * u64::from(WIDEST.0) {
        WIDEST
    } else if high * u64::from(TALLEST.0) > wide * u64::from(TALLEST.1) {
        TALLEST
    } else {
        (w, h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pictures_keep_their_ratio() {
        assert_eq!(aspect_ratio(Some(1200), Some(675)), "1200 / 675");
        assert_eq!(aspect_ratio(Some(600), Some(800)), "600 / 800");
        assert_eq!(aspect_ratio(Some(1), Some(1)), "1 / 1");
    }

    #[test]
    fn the_bounds_themselves_are_allowed() {
        assert_eq!(aspect_ratio(Some(400), Some(100)), "400 / 100");
        assert_eq!(aspect_ratio(Some(100), Some(400)), "100 / 400");
    }

    #[test]
    fn extreme_ratios_are_clamped() {
        assert_eq!(aspect_ratio(Some(1), Some(u32::MAX)), "1 / 4");
        assert_eq!(aspect_ratio(Some(u32::MAX), Some(1)), "4 / 1");
        assert_eq!(aspect_ratio(Some(401), Some(100)), "4 / 1");
        assert_eq!(aspect_ratio(Some(100), Some(401)), "1 / 4");
        assert_eq!(
            aspect_ratio(Some(u32::MAX), Some(u32::MAX)),
            format!("{0} / {0}", u32::MAX)
        );
    }

    #[test]
    fn missing_or_zero_sides_give_the_default() {
        assert_eq!(aspect_ratio(None, Some(100)), "3 / 2");
        assert_eq!(aspect_ratio(Some(100), None), "3 / 2");
        assert_eq!(aspect_ratio(Some(0), Some(100)), "3 / 2");
        assert_eq!(aspect_ratio(Some(100), Some(0)), "3 / 2");
        assert_eq!(aspect_ratio(None, None), "3 / 2");
    }

    #[test]
    fn every_ratio_is_within_the_bounds() {
        for (w, h) in [
            (1, 5),
            (5, 1),
            (7, 3),
            (3, 7),
            (u32::MAX, 3),
            (2, u32::MAX - 1),
        ] {
            let ratio = aspect_ratio(Some(w), Some(h));
            let (a, b) = ratio.split_once(" / ").unwrap();
            let r = a.parse::<f64>().unwrap() / b.parse::<f64>().unwrap();
            assert!((0.25..=4.0).contains(&r), "{w}x{h} gave {ratio}");
        }
    }
}
