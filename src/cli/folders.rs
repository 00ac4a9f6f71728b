//! Folders named on `import`'s command line: a folder stands for the files
//! directly in it, and with `--series-from-folder` a file's folder names
//! its series.
//!
//! Not recursive: an archive laid out as one folder per series
//! (`archive/<series>/<date>.txt`) is imported with `archive/*
//! --series-from-folder`, each folder its series, and a folder of drafts
//! with notes in a subfolder imports only the drafts. Hidden files
//! (`.DS_Store`, editor swap files) are left out, as `*` leaves them out.

use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};

use communique::normalize::controls::visible;

/// The files the arguments name, a folder replaced by its files in name
/// order; other arguments (files, `-`) stay as they are, so that reading
/// them reports what is wrong.
pub fn expand(args: &[String]) -> Result<Vec<String>> {
    let mut files = Vec::with_capacity(args.len());
    for arg in args {
        if arg == "-" || !Path::new(arg).is_dir() {
            files.push(arg.clone());
            continue;
        }
        let shown = visible(arg);
        let mut found = Vec::new();
        let entries = std::fs::read_dir(arg)
            .with_context(|| format!("cannot read the folder {shown}; check its permissions"))?;
        for entry in entries {
            let entry =
                entry.with_context(|| format!("cannot read the folder {shown}; check it"))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                bail!(
                    "{}: a file name that is not UTF-8; rename it",
                    visible(&entry.path().to_string_lossy())
                );
            };
            // `is_file` follows a link: a linked draft is read as a file.
            if name.starts_with('.') || !entry.path().is_file() {
                continue;
            }
            found.push(entry.path().to_string_lossy().into_owned());
        }
        if found.is_empty() {
            bail!(
                "{shown}: no files to import in this folder (subfolders are not read); name the files or folders to import"
            );
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The series `--series-from-folder` files `file` under: the name of the
/// folder that holds it.
pub fn series_of(file: &str) -> Result<String> {
    let no_folder = || {
        anyhow!(
            "{}: --series-from-folder takes the series from the file's folder, and it has none; give --series",
            visible(file)
        )
    };
    if file == "-" {
        return Err(no_folder());
    }
    let absolute = std::path::absolute(file).map_err(|_| no_folder())?;
    let folder = absolute
        .parent()
        .and_then(Path::file_name)
        .ok_or_else(no_folder)?;
    let series = folder.to_str().ok_or_else(no_folder)?;
    communique::store::names::validate("series", series).map_err(|e| {
        anyhow!(
            "{}: the folder name is no series ({e}); rename the folder or give --series",
            visible(file)
        )
    })?;
    Ok(series.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_stands_for_its_files_in_name_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for name in ["b.txt", "a.txt", ".hidden.txt"] {
            std::fs::write(root.join(name), "The Ministers met.").expect("file");
        }
        std::fs::create_dir(root.join("sub")).expect("subfolder");
        std::fs::write(root.join("sub/c.txt"), "x").expect("file");
        let folder = root.to_string_lossy().into_owned();
        let files =
            expand(&[folder.clone(), "-".to_owned(), "missing.txt".to_owned()]).expect("expands");
        let names: Vec<&str> = files
            .iter()
            .map(|f| f.rsplit('/').next().unwrap_or(f))
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "-", "missing.txt"]);
        let empty = root.join("sub/empty");
        std::fs::create_dir(&empty).expect("folder");
        let error = expand(&[empty.to_string_lossy().into_owned()]).expect_err("empty");
        assert!(error.to_string().contains("no files to import"), "{error}");
    }

    #[test]
    fn the_series_is_the_folder_name() {
        assert_eq!(
            series_of("archive/g7-leaders/2024.txt").expect("named"),
            "g7-leaders"
        );
        let error = series_of("archive/G7 Leaders/2024.txt").expect_err("no slug");
        assert!(error.to_string().contains("rename the folder"), "{error}");
        assert!(series_of("-").is_err());
    }
}
