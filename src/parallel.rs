//! Fork–join over scoped threads for the independent stages of a diff, a
//! log or a precedent search.
//!
//! The work splits naturally (two documents, two directions, runs of a
//! list) and each run is long, so scoped threads do without a thread pool.
//! Below a minimum the work runs on the calling thread: a thread costs more
//! than it saves on short input. A panic on another thread is a bug and
//! resumes on the caller.

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

/// `f` over every item with its index, results in order: the items split
/// into one run per core when there are at least `min` of them.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(threads(items.len(), min)).max(1);
    let parts: Vec<(usize, &[T])> = items
        .chunks(chunk)
        .enumerate()
        .map(|(c, part)| (c * chunk, part))
        .collect();
    run_parts(parts, |(start, part)| {
        part.iter()
            .enumerate()
            .map(|(i, t)| f(start + i, t))
            .collect()
    })
}

/// `f` over every item, results in order, split as [`map`] splits; each run
/// makes a state with `init` and hands it to `f` with every item, so that
/// buffers are reused from one item to the next.
pub(crate) fn map_with<T: Sync, S, R: Send>(
    items: &[T],
    min: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(threads(items.len(), min)).max(1);
    run_parts(items.chunks(chunk).collect(), |part| {
        let mut state = init();
        part.iter().map(|t| f(&mut state, t)).collect()
    })
}

/// `items.into_iter().map(f).collect()`, split as [`map`] splits.
pub(crate) fn map_owned<T: Send, R: Send>(
    mut items: Vec<T>,
    min: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(threads(items.len(), min)).max(1);
    let mut parts = Vec::new();
    while items.len() > chunk {
        let rest = items.split_off(chunk);
        parts.push(std::mem::replace(&mut items, rest));
    }
    parts.push(items);
    run_parts(parts, |part| part.into_iter().map(&f).collect())
}

/// How many runs `len` items make: one per core from `min` items on.
fn threads(len: usize, min: usize) -> usize {
    if len < min {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` over every part, the first on this thread and each other on its own,
/// the results concatenated in order.
fn run_parts<P: Send, R: Send>(mut parts: Vec<P>, f: impl Fn(P) -> Vec<R> + Sync) -> Vec<R> {
    if parts.len() < 2 {
        return parts.into_iter().flat_map(&f).collect();
    }
    let first = parts.remove(0);
    std::thread::scope(|scope| {
        let others: Vec<_> = parts
            .into_iter()
            .map(|part| {
                let f = &f;
                scope.spawn(move || f(part))
            })
            .collect();
        let mut out = f(first);
        for handle in others {
            out.extend(
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_order_on_both_paths() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled: Vec<u32> = items.iter().map(|x| x * 2).collect();
        for min in [0, usize::MAX] {
            assert_eq!(map(&items, min, |_, x| x * 2), doubled);
            assert_eq!(map(&items, min, |i, _| i as u32), items);
            assert_eq!(map_owned(items.clone(), min, |x| x * 2), doubled);
            let counted = map_with(
                &items,
                min,
                || 0,
                |n: &mut u32, x| {
                    *n += 1;
                    x * 2 + u32::from(*n == 0)
                },
            );
            assert_eq!(counted, doubled);
        }
        assert_eq!(map(&[] as &[u32], 0, |_, x| *x), Vec::<u32>::new());
        assert_eq!(map_owned(Vec::<u32>::new(), 0, |x| x), Vec::<u32>::new());
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(join(true, || 1, || "b"), (1, "b"));
        assert_eq!(join(false, || 1, || "b"), (1, "b"));
    }
}
