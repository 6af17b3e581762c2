//! Where an entity's preview card goes (`app::components::entity_preview`): next to the mention
//! that opened it, inside the viewport, on the side the text is read from.
//!
//! Decisions:
//! - a card opened by a tap on a touch screen is a **bottom sheet** (full width at the bottom
//!   of the viewport, as Wikipedia Preview does on phones): a floating card under a finger hides
//!   what it points at, and a sheet never runs off a narrow screen;
//! - otherwise it **floats** under the mention, or above it when there is more room there than
//!   below and not enough below; its start edge lines up with the mention's start edge (the left
//!   edge in left-to-right text, the right edge in right-to-left text), then it is moved inward
//!   until it is at least [`MARGIN`] from each viewport edge;
//! - a card taller than the room on both sides goes where there is more room and scrolls inside
//!   (its CSS `max-height`).

/// The least distance between a floating card and the viewport's edges, in CSS pixels.
pub const MARGIN: f64 = 8.0;
/// The gap between a mention and its card.
const GAP: f64 = 6.0;

/// A box in viewport coordinates (CSS pixels), as `getBoundingClientRect` gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Box2 {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Where the card goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CardPlace {
    /// At the bottom of the viewport, full width (CSS places it).
    Sheet,
    /// At `left`, `top` (viewport coordinates, for `position: fixed`), `width` wide.
    Float { left: f64, top: f64, width: f64 },
}

/// Places a card of `card` size (only its width and height count) for a mention at `anchor`
/// in a `viewport` (only its width and height count), as the module says.
pub fn place_card(anchor: Box2, card: Box2, viewport: Box2, rtl: bool, touch: bool) -> CardPlace {
    if touch {
        return CardPlace::Sheet;
    }
    let width = card.width.min(viewport.width - 2.0 * MARGIN).max(0.0);
    let start = if rtl {
        anchor.left + anchor.width - width
    } else {
        anchor.left
    };
    let left = clamp(start, MARGIN, viewport.width - MARGIN - width);
    let below = anchor.top + anchor.height + GAP;
    let room_below = viewport.height - MARGIN - below;
    let room_above = anchor.top - GAP - MARGIN;
    let top = if card.height <= room_below || room_below >= room_above {
        below
    } else {
        (anchor.top - GAP - card.height).max(MARGIN)
    };
    CardPlace::Float { left, top, width }
}

/// `value` moved into `low..=high`; `low` wins when the range is empty.
fn clamp(value: f64, low: f64, high: f64) -> f64 {
    value.min(high).max(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(left: f64, top: f64, width: f64, height: f64) -> Box2 {
        Box2 {
            left,
            top,
            width,
            height,
        }
    }

    const CARD: Box2 = Box2 {
        left: 0.0,
        top: 0.0,
        width: 320.0,
        height: 200.0,
    };

    #[test]
    fn a_card_floats_under_its_mention_from_the_start_edge() {
        let viewport = b(0.0, 0.0, 1280.0, 800.0);
        let anchor = b(100.0, 300.0, 80.0, 20.0);
        assert_eq!(
            place_card(anchor, CARD, viewport, false, false),
            CardPlace::Float {
                left: 100.0,
                top: 326.0,
                width: 320.0
            }
        );
        // Right to left: the card's right edge under the mention's right edge.
        assert_eq!(
            place_card(anchor, CARD, viewport, true, false),
            CardPlace::Float {
                left: MARGIN,
                top: 326.0,
                width: 320.0
            }
        );
        let anchor = b(900.0, 300.0, 80.0, 20.0);
        assert_eq!(
            place_card(anchor, CARD, viewport, true, false),
            CardPlace::Float {
                left: 660.0,
                top: 326.0,
                width: 320.0
            }
        );
    }

    #[test]
    fn a_card_never_leaves_a_320_px_viewport() {
        let viewport = b(0.0, 0.0, 320.0, 640.0);
        for (anchor, rtl) in [
            (b(250.0, 100.0, 60.0, 20.0), false),
            (b(2.0, 100.0, 60.0, 20.0), true),
            (b(-40.0, 600.0, 60.0, 20.0), false),
            (b(300.0, 630.0, 60.0, 20.0), true),
        ] {
            let CardPlace::Float { left, top, width } =
                place_card(anchor, CARD, viewport, rtl, false)
            else {
                panic!("floats");
            };
            assert!(
                left >= MARGIN && left + width <= 320.0 - MARGIN,
                "{left} {width}"
            );
            assert!(
                top >= MARGIN && top + CARD.height <= 640.0 - MARGIN,
                "{top}"
            );
        }
    }

    #[test]
    fn a_card_goes_above_a_mention_near_the_bottom() {
        let viewport = b(0.0, 0.0, 1280.0, 800.0);
        let anchor = b(100.0, 700.0, 80.0, 20.0);
        assert_eq!(
            place_card(anchor, CARD, viewport, false, false),
            CardPlace::Float {
                left: 100.0,
                top: 494.0,
                width: 320.0
            }
        );
    }

    #[test]
    fn a_tap_opens_a_bottom_sheet() {
        let viewport = b(0.0, 0.0, 390.0, 844.0);
        let anchor = b(100.0, 300.0, 80.0, 20.0);
        assert_eq!(
            place_card(anchor, CARD, viewport, false, true),
            CardPlace::Sheet
        );
    }
}
