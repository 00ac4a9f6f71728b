//! Two-way fork–join for the diff's independent stages.
//!
//! The machines communique runs on have a few cores and the work splits in
//! halves naturally (two documents, two directions, two halves of a list), so
//! scoped threads do, without a thread pool. Below `min` items the work runs on
//! the calling thread: a thread costs more than it saves on short input. A
//! panic on the other thread is a bug and resumes on the caller.

/// Runs `a` here and `b` on another thread when `parallel`, else both here
/// (`a` first), and returns both results.
pub(crate) fn join<A, B>(
    parallel: bool,
    a: impl FnOnce() -> A,
    b: impl FnOnce() -> B + Send,
) -> (A, B)
where
    B: Send,
{
    if !parallel {
        let a = a();
        return (a, b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        (a, b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

/// `items.iter().map(f).collect()`, each half on its own thread when there
/// are at least `min` items.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len() / 2);
    let (mut out, rest) = join(
        items.len() >= min,
        || first.iter().map(&f).collect::<Vec<R>>(),
        || second.iter().map(&f).collect::<Vec<R>>(),
    );
    out.extend(rest);
    out
}

/// `items.into_iter().map(f).collect()`, as [`map`] for owned items.
pub(crate) fn map_owned<T: Send, R: Send>(
    mut items: Vec<T>,
    min: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let second = items.split_off(items.len() / 2);
    let (mut out, rest) = join(
        items.len() + second.len() >= min,
        || items.into_iter().map(&f).collect::<Vec<R>>(),
        || second.into_iter().map(&f).collect::<Vec<R>>(),
    );
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_order_on_both_paths() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled: Vec<u32> = items.iter().map(|x| x * 2).collect();
        for min in [0, usize::MAX] {
            assert_eq!(map(&items, min, |x| x * 2), doubled);
            assert_eq!(map_owned(items.clone(), min, |x| x * 2), doubled);
        }
        assert_eq!(map(&[] as &[u32], 0, |x| *x), Vec::<u32>::new());
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(join(true, || 1, || "b"), (1, "b"));
        assert_eq!(join(false, || 1, || "b"), (1, "b"));
    }
}
