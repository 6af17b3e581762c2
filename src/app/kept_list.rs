//! A keyed list that keeps its items' DOM: the cards of an article list.
//!
//! A topic click changes which articles a list shows. Rebuilding the 30 cards each time (what
//! Leptos does with a list of views, and what a hand-written page does) made a click cost some
//! 5 ms of wasm, DOM and layout per card at 4x CPU. Here an item is built once per key, under
//! an owner of its own, and kept when it leaves the list: a key that comes back (a topic
//! toggled off again, a second topic that keeps some of the first one's articles) moves its
//! node back instead of building it anew. The new order is put in place
//! with one `replaceChildren`, not one removal and one insertion per card; "Show more", which
//! keeps the cards and adds some, appends only the new ones. The list page's cards are kept on
//! a [`Shelf`] of the page's, which outlives the list drawn for each phase (results, loading,
//! empty); the page itself is kept while another page shows (`kept_page`).
//!
//! At most [`KEPT`] items are kept besides those shown, the least recently shown going first,
//! so their DOM and state are bounded by the list's length, not by how many articles the reader
//! has seen. (Each item built leaves its owner's entry, a weak pointer and about 100 bytes, in
//! the shelf's owner until the page goes: Leptos keeps a child list it never prunes.)
//! Items keep their reactive parts (a pending card becomes a card when its summary arrives, also
//! while it is off the list), so they should follow few signals: a card follows none (it is
//! drawn by hand once, `components/article_card.rs`: its links' `href`s are written then, with
//! the page's other query parameters as they were), its summary's state is one small memo. In a paged corpus a kept card whose listing
//! page the page cache dropped (`core::corpus::parts`, past 2,400 summaries) turns back into a
//! placeholder and is built again when its page returns.
//!
//! A hand-written keyed list, not Leptos `<For>`: `<For>` keeps the items that stay but drops
//! those that go (a toggled topic builds them all again), removes and inserts node by node, and
//! links 3.8 kB gzip of code of its own ("Writing views in Lede", `app/mod.rs`).

use crate::app::computed::Computed;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::{Cell, RefCell};
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

/// Where a [`kept_list`]'s items are kept: by the list itself, or by its page for the article
/// list, so that results drawn again (after a loading or empty phase) find their cards.
#[derive(Clone)]
pub struct Shelf {
    /// The items' owners are its children: the items live as long as it, not as the list.
    owner: Owner,
    kept: Rc<RefCell<Vec<Kept>>>,
    /// How many times a list of this shelf was filled: an item's `shown` is a reading of it.
    clock: Rc<Cell<u64>>,
    /// The keys whose items are built before a list asks for them ([`Shelf::ahead`]).
    ahead: Option<Computed<Vec<usize>>>,
    /// Whether [`build_ahead`] waits for an idle period: one at a time.
    building: Rc<Cell<bool>>,
}

impl Shelf {
    /// A shelf whose items belong to the current owner.
    pub fn new() -> Self {
        Shelf {
            owner: Owner::current().unwrap_or_default(),
            kept: Rc::default(),
            clock: Rc::default(),
            ahead: None,
            building: Rc::default(),
        }
    }

    /// The shelf, with the items of `keys` built when the browser is idle, before a list asks
    /// for them ([`build_ahead`]): those a click will likely show next. `keys` must go no
    /// later than the shelf's owner (made under it, as the list page makes both): the
    /// building stops once they are gone, and would otherwise build under a disposed owner.
    pub fn ahead(self, keys: Computed<Vec<usize>>) -> Self {
        Shelf {
            ahead: Some(keys),
            ..self
        }
    }
}

impl Default for Shelf {
    fn default() -> Self {
        Shelf::new()
    }
}

/// Fills `list` with the item of each key of `keys`, in order, whenever `keys` changes, building
/// an item (`build(key)`) only for a key not on `shelf` from before, or built ahead there
/// ([`Shelf::ahead`]).
pub fn kept_list(
    list: NodeRef<leptos::html::Ol>,
    keys: Computed<Vec<usize>>,
    build: impl Fn(usize) -> AnyView + 'static,
    shelf: Shelf,
) {
    let build = Rc::new(build);
    let ahead = shelf
        .ahead
        .map(|ahead| (ahead, shelf.clone(), build.clone()));
    let Shelf {
        owner, kept, clock, ..
    } = shelf;
    // The keys whose items the list holds now, in order.
    let placed: RefCell<Vec<usize>> = RefCell::default();
    let update = move || {
        let Some(parent) = list.get() else {
            return;
        };
        let keys = keys.get();
        // "Show more" keeps every card and adds some: only those are placed.
        let mut placed = placed.borrow_mut();
        let appended = keys.len() >= placed.len() && keys[..placed.len()] == placed[..];
        let now = clock.get() + 1;
        clock.set(now);
        let mut kept = kept.borrow_mut();
        let nodes = js_sys::Array::new();
        for (position, &key) in keys.iter().enumerate() {
            let at = match kept.iter().position(|item| item.key == key) {
                Some(at) => at,
                None => {
                    kept.push(Kept::build(key, &*build, &owner, now));
                    kept.len() - 1
                }
            };
            let item = &mut kept[at];
            item.shown = now;
            if !appended || position >= placed.len() {
                for node in item.state.elements() {
                    nodes.push(&JsValue::from(node));
                }
            }
        }
        // One DOM operation for the whole list: the new nodes appended, or all of them in place
        // of the old (the nodes that stay are moved, the others detached, and kept).
        if appended {
            let _ = parent.append_with_node(&nodes);
        } else {
            parent.replace_children_with_node(&nodes);
        }
        *placed = keys.clone();
        forget_oldest(&mut kept, keys.len() + KEPT);
    };
    crate::app::effect::effect(update);
    // After the list's own effect, so that the keys it shows are on the shelf by then.
    if let Some((ahead, shelf, build)) = ahead {
        crate::app::effect::effect(move || {
            ahead.with(|_| ());
            build_ahead(build.clone(), shelf.clone(), ahead);
        });
    }
}

impl Kept {
    /// Builds the item of `key`, shown at `now`. A child of the shelf's `owner`, not of the
    /// effect's that asks (which is cleaned up each time the effect runs again).
    fn build(key: usize, build: &impl Fn(usize) -> AnyView, owner: &Owner, now: u64) -> Kept {
        let item_owner = owner.child();
        let state = item_owner.with(|| untrack(|| build(key).build()));
        Kept {
            key,
            owner: item_owner,
            state,
            shown: now,
        }
    }
}

/// How many items [`build_ahead`] builds in one idle period: a card is 2 to 3 ms of a 4x
/// throttled CPU (its drawing, and the Leptos view that holds it), and an idle period can be
/// short (while the reader scrolls): a frame should not wait for much more than that.
const AHEAD_AT_ONCE: usize = 3;

/// Builds, off the document, the items of `ahead`'s keys that `shelf` does not hold yet, a few
/// each time the browser is idle, and keeps them on the shelf: the update that then asks for
/// them only places them. Each idle period reads the keys again, so a change of `ahead` (a
/// listing page arrived, a click came) is followed, and the building stops when none is
/// left, or when `ahead` is gone with its page. One chain of idle periods per shelf: asked
/// again while one waits, it has nothing to add. The items count as never shown, so that the
/// next update drops them first if it must ([`KEPT`]); one that shows them stamps them then.
fn build_ahead<B: Fn(usize) -> AnyView + 'static>(
    build: Rc<B>,
    shelf: Shelf,
    ahead: Computed<Vec<usize>>,
) {
    if shelf.building.replace(true) {
        return;
    }
    crate::web::idle::when_idle(Box::new(move || {
        shelf.building.set(false);
        let missing = |key: &usize| shelf.kept.borrow().iter().all(|item| item.key != *key);
        let keys = ahead.try_with_untracked(|keys| {
            let keys = keys.iter().copied().filter(missing);
            keys.take(AHEAD_AT_ONCE).collect::<Vec<usize>>()
        });
        let Some(keys) = keys.filter(|keys| !keys.is_empty()) else {
            return;
        };
        for key in keys {
            let item = Kept::build(key, &*build, &shelf.owner, 0);
            shelf.kept.borrow_mut().push(item);
        }
        build_ahead(build, shelf, ahead);
    }));
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
