//! A keyed list that keeps its items' DOM: the cards of an article list.
//!
//! A topic click changes which articles a list shows. Rebuilding the 30 cards each time (what
//! Leptos does with a list of views, and what a hand-written page does) made a click cost some
//! 5 ms of wasm, DOM and layout per card at 4x CPU. Here an item is built once per key, under
//! an owner of its own, and kept when it leaves the list: a key that comes back (a topic
//! toggled off again, a second topic that keeps some of the first one's articles, "Show more"
//! after Back) moves its node back instead of building it anew. The new order is put in place
//! with one `replaceChildren`, not one removal and one insertion per card.
//!
//! At most [`KEPT`] items are kept besides those shown, the least recently shown going first,
//! so memory is bounded by the list's length, not by how many articles the reader has seen.
//! Items keep their reactive parts (a pending card becomes a card when its summary arrives, also
//! while it is off the list), so they should follow few signals: a card's links follow none
//! (`NavLink`), its summary's arrival is one yes/no memo.
//!
//! A hand-written keyed list, not Leptos `<For>`: `<For>` keeps the items that stay but drops
//! those that go (a toggled topic builds them all again), removes and inserts node by node, and
//! links 3.8 kB gzip of code of its own ("Writing views in Lede", `app/mod.rs`).

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// How many items a [`kept_list`] keeps off the list: five pages of cards, enough for a reader
/// going back and forth between a few topics.
pub const KEPT: usize = 150;

/// One built item.
struct Kept {
    key: usize,
    /// Owns the item's effects and memos: disposed when the item is dropped.
    owner: Owner,
    /// Holds the item's DOM and its reactive parts; its top-level nodes are what is placed.
    state: AnyViewState,
    /// When it was last on the list (a count of updates).
    shown: u64,
}

/// Fills `list` with the item of each key of `keys`, in order, whenever `keys` changes, building
/// an item (`build(key)`) only for a key not kept from before.
pub fn kept_list(
    list: NodeRef<leptos::html::Ol>,
    keys: crate::app::computed::Computed<Vec<usize>>,
    build: impl Fn(usize) -> AnyView + 'static,
) {
    // The items belong to the list's owner, not to the effect's (which is cleaned up each time
    // the effect runs again).
    let owner = Owner::current().unwrap_or_default();
    let kept: Rc<RefCell<Vec<Kept>>> = Rc::default();
    let mut updates = 0u64;
    let update = move || {
        let Some(parent) = list.get() else {
            return;
        };
        let keys = keys.get();
        updates += 1;
        let now = updates;
        let mut kept = kept.borrow_mut();
        let nodes = js_sys::Array::new();
        for &key in &keys {
            let at = match kept.iter().position(|item| item.key == key) {
                Some(at) => at,
                None => {
                    let item_owner = owner.child();
                    let state = item_owner.with(|| untrack(|| build(key).build()));
                    kept.push(Kept {
                        key,
                        owner: item_owner,
                        state,
                        shown: now,
                    });
                    kept.len() - 1
                }
            };
            let item = &mut kept[at];
            item.shown = now;
            for node in item.state.elements() {
                nodes.push(&JsValue::from(node));
            }
        }
        // One DOM operation for the whole list: the nodes that stay are moved, the others
        // detached (and kept).
        parent.replace_children_with_node(&nodes);
        forget_oldest(&mut kept, keys.len() + KEPT);
    };
    let update = RefCell::new(update);
    crate::app::effect::effect(move || (update.borrow_mut())());
}

/// Drops the least recently shown items until at most `keep` are left.
fn forget_oldest(kept: &mut Vec<Kept>, keep: usize) {
    if kept.len() <= keep {
        return;
    }
    kept.sort_unstable_by_key(|item| std::cmp::Reverse(item.shown));
    for mut item in kept.drain(keep..) {
        item.state.unmount();
        item.owner.cleanup();
    }
}
