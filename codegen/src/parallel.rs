//! Spreading independent jobs over the machine's cores: reading spec files, rendering output
//! files. Workers take job numbers from a shared counter, so a slow job never holds up a queue;
//! results come back in job order, so nothing depends on which thread did what.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `work(&mut state, i)` for every `i` below `count`, over up to one thread per core, each with its
/// own `state` from `init` (for what cannot cross threads, such as token streams); no thread and no
/// `init` for no job. Results are in order of `i`. A panic in a job is resumed on the calling thread.
pub fn map<T, S>(count: usize, init: impl Fn() -> S + Sync, work: impl Fn(&mut S, usize) -> T + Sync) -> Vec<T>
where
    T: Send,
{
    if count == 0 {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(count);
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut state = init();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= count {
                return done;
            }
            done.push((index, work(&mut state, index)));
        }
    };
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
        let mut results = worker();
        for handle in workers {
            match handle.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_job_order() {
        let squares = super::map(1000, || (), |(), i| i * i);
        assert_eq!(squares, (0..1000).map(|i| i * i).collect::<Vec<_>>());
    }

    #[test]
    fn no_job_no_thread() {
        let none: Vec<usize> = super::map(0, || panic!("no worker starts for no job"), |(), i| i);
        assert!(none.is_empty());
    }
}
