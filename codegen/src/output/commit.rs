//! Writing the output directory: only files whose content changed, all or nothing.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{generated_files_in, io_error};

/// What a write did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files created or replaced.
    pub written: Vec<String>,
    /// Files left as they were (same content, same mtime).
    pub unchanged: Vec<String>,
    /// Generated files removed because no spec produces them any more.
    pub removed: Vec<String>,
}

/// One change made to the output directory, remembered so it can be undone.
enum Step {
    /// `target` was created or replaced; its previous content, if any, is at `backup`.
    Replaced { target: PathBuf, backup: Option<PathBuf> },
    /// `target` was removed; its content is at `backup`.
    Removed { target: PathBuf, backup: PathBuf },
}

/// The name of a hidden file next to the output, private to this process.
fn sibling(dir: &Path, name: &str, suffix: &str) -> PathBuf {
    dir.join(format!(".{name}.{}.{suffix}", std::process::id()))
}

/// Undoes `steps`, newest first. Best effort: it runs only after another error, which is the one
/// reported.
fn roll_back(steps: Vec<Step>) {
    for step in steps.into_iter().rev() {
        match step {
            Step::Replaced {
                target,
                backup: Some(backup),
            }
            | Step::Removed { target, backup } => {
                let _ = fs::rename(&backup, &target);
            }
            Step::Replaced { target, backup: None } => {
                let _ = fs::remove_file(&target);
            }
        }
    }
}

/// Moves `target` aside to a backup, if it exists.
fn set_aside(dir: &Path, name: &str, target: &Path) -> io::Result<Option<PathBuf>> {
    let backup = sibling(dir, name, "bak");
    match fs::rename(target, &backup) {
        Ok(()) => Ok(Some(backup)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

/// Writes `files` into `dir`: only files whose content changed, and removes generated files that
/// are no longer produced, all or nothing (see [`commit`]).
pub fn write(dir: &Path, files: &BTreeMap<String, String>) -> Result<WriteSummary, crate::Error> {
    let stale = generated_files_in(dir)?
        .into_iter()
        .filter(|name| !files.contains_key(name))
        .collect();
    commit(dir, files, stale)
}

/// Writes `files` into `dir` (only those whose content changed) and removes the files named in
/// `remove`. All or nothing: every new content is first written to a temporary file; then each
/// old file is moved aside and the new one renamed into place. If any step fails, the steps
/// already made are undone, so the directory holds exactly its previous files.
pub fn commit(dir: &Path, files: &BTreeMap<String, String>, remove: Vec<String>) -> Result<WriteSummary, crate::Error> {
    fs::create_dir_all(dir).map_err(|err| io_error(dir, err))?;
    let mut summary = WriteSummary::default();
    let mut staged: Vec<(PathBuf, PathBuf, &str)> = Vec::new();
    let remove_temps = |staged: &[(PathBuf, PathBuf, &str)]| {
        for (temp, _, _) in staged {
            let _ = fs::remove_file(temp);
        }
    };
    for (name, content) in files {
        let target = dir.join(name);
        if fs::read(&target).is_ok_and(|bytes| bytes == content.as_bytes()) {
            summary.unchanged.push(name.clone());
            continue;
        }
        let temp = sibling(dir, name, "tmp");
        if let Err(err) = fs::write(&temp, content) {
            let _ = fs::remove_file(&temp);
            remove_temps(&staged);
            return Err(io_error(&temp, err));
        }
        staged.push((temp, target, name));
    }

    let mut steps = Vec::new();
    for (index, (temp, target, name)) in staged.iter().enumerate() {
        let replaced = set_aside(dir, name, target).and_then(|backup| match fs::rename(temp, target) {
            Ok(()) => Ok(backup),
            Err(err) => {
                if let Some(backup) = &backup {
                    let _ = fs::rename(backup, target);
                }
                Err(err)
            }
        });
        match replaced {
            Ok(backup) => steps.push(Step::Replaced {
                target: target.clone(),
                backup,
            }),
            Err(err) => {
                roll_back(steps);
                remove_temps(&staged[index..]);
                return Err(io_error(target, err));
            }
        }
        summary.written.push((*name).to_owned());
    }
    for name in remove {
        let target = dir.join(&name);
        match set_aside(dir, &name, &target) {
            Ok(Some(backup)) => steps.push(Step::Removed { target, backup }),
            Ok(None) => {}
            Err(err) => {
                roll_back(steps);
                return Err(io_error(&target, err));
            }
        }
        summary.removed.push(name);
    }
    // Committed: the backups are no longer needed.
    for step in steps {
        if let Step::Replaced {
            backup: Some(backup), ..
        }
        | Step::Removed { backup, .. } = step
        {
            let _ = fs::remove_file(backup);
        }
    }
    Ok(summary)
}
