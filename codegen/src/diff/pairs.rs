//! Pairing the items of an old and a new model (connectors, flow specs) before comparing them.

/// An old item and its new counterpart; `None` on one side: added, or removed.
pub(super) type Pair<'a, T> = (Option<&'a T>, Option<&'a T>);

/// Pairs old and new items: by id first, then what is left by name; an item with no partner is
/// paired with `None` (added, or removed).
pub(super) fn pair_up<'a, T>(
    old: &'a [T],
    new: &'a [T],
    same_id: impl Fn(&T, &T) -> bool,
    same_name: impl Fn(&T, &T) -> bool,
) -> Vec<Pair<'a, T>> {
    let mut pairs = Vec::new();
    let mut old_left: Vec<&T> = old.iter().collect();
    let mut new_left = Vec::new();
    for n in new {
        match old_left.iter().position(|o| same_id(o, n)) {
            Some(i) => pairs.push((Some(old_left.remove(i)), Some(n))),
            None => new_left.push(n),
        }
    }
    for n in new_left {
        match old_left.iter().position(|o| same_name(o, n)) {
            Some(i) => pairs.push((Some(old_left.remove(i)), Some(n))),
            None => pairs.push((None, Some(n))),
        }
    }
    pairs.extend(old_left.into_iter().map(|o| (Some(o), None)));
    pairs
}
