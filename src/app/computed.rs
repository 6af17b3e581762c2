//! The viewer's memos (see "Writing views in Lede" in `app/mod.rs`, rule 11).
//!
//! A Leptos `Memo<T>` links its code (computing, comparing, storing, notifying) once per value
//! type `T`, about 0.3 kB gzipped each, and the viewer memoizes values of nine types: the
//! filter, the listing, the visible ordinals, the article's header, the entity's mentions, its
//! yes/no questions... A [`Computed<T>`] is a Leptos memo of one type for all of them, the value
//! behind a shared pointer, compared through a `dyn` call, and handed back as the `T` it is.

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

/// A value computed from signals: computed again when a signal it read changes, and passed on
/// (its readers run again) only when it is not equal to the one before, as a Leptos `Memo`.
/// Cheap to copy into closures.
pub struct Computed<T> {
    memo: Memo<Value>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Computed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Computed<T> {}

/// `Memo::new(move |_| f())`.
pub fn computed<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Computed<T> {
    computed_from(move |_| f())
}

/// `Memo::new(f)`: `f` is given the value it computed before, if any.
pub fn computed_from<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn(Option<&T>) -> T + Send + Sync + 'static,
) -> Computed<T> {
    Computed {
        memo: memo(Box::new(move |previous| {
            Value(Arc::new(f(previous.map(Value::get))))
        })),
        value: PhantomData,
    }
}

/// How a memo computes its value from the one before.
type Compute = Box<dyn Fn(Option<&Value>) -> Value + Send + Sync>;

/// The one `Memo::new` of the viewer.
fn memo(f: Compute) -> Memo<Value> {
    Memo::new(f)
}

impl<T: 'static> Computed<T> {
    /// Reads the value, tracked: the caller runs again when it changes.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with(|value| read(value.get()))
    }

    /// Reads the value without tracking it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with_untracked(|value| read(value.get()))
    }

    /// Reads the value without tracking it; `None` once it is gone (with its page).
    pub fn try_with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> Option<R> {
        self.memo.try_with_untracked(|value| read(value.get()))
    }

    /// A copy of the value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A copy of the value, not tracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }
}

/// A computed value as the memo holds it, whatever its type.
#[derive(Clone)]
struct Value(Arc<dyn Comparable>);

impl Value {
    /// The value as the type it was computed as: a `Computed<T>` only ever holds `T`s.
    fn get<T: 'static>(&self) -> &T {
        let value: &dyn Any = self.0.as_any();
        match value.downcast_ref() {
            Some(value) => value,
            None => unreachable!("a Computed<T> holds a T"),
        }
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        self.0.equals(other.0.as_any())
    }
}

/// `PartialEq` through a `dyn` pointer.
trait Comparable: Any + Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn equals(&self, other: &dyn Any) -> bool;
}

impl<T: PartialEq + Send + Sync + 'static> Comparable for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn equals(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }
}
