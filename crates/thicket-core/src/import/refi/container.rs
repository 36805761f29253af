//! The containers: a `.qdpx` ZIP (its one `*.qde` and its source files, found whatever their
//! case) and a bare `.qdc`. Entry names that climb out of the archive (`..`, absolute paths) are
//! never looked at.

use std::collections::HashMap;

use super::super::archive;
use super::super::{ImportError, xml_text};
use super::{RefiProject, dom, parse};

/// Largest project.qde accepted (the XML of a project with 200,000 codings is about 150 MB).
const MAX_QDE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads a `.qdpx` project. `file` names it in messages.
pub fn read_qdpx(bytes: &[u8], file: &str) -> Result<RefiProject, ImportError> {
    let mut zip = archive::open(bytes, "a REFI-QDA project (.qdpx)")?;
    let names: Vec<String> = zip.names().into_iter().filter(|n| safe_name(n)).collect();
    let qdes: Vec<&String> = names.iter().filter(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde")).collect();
    let qde = match qdes.as_slice() {
        [one] => (*one).clone(),
        [] => {
            return Err(ImportError::Malformed(format!(
                "\"{file}\" holds no project.qde (a .qdpx must have one *.qde file at its top level)"
            )));
        }
        several => {
            // The standard's own name wins; otherwise the choice would be a guess.
            match several.iter().find(|n| n.eq_ignore_ascii_case("project.qde")) {
                Some(n) => (*n).clone(),
                None => {
                    let list: Vec<&str> = several.iter().map(|s| s.as_str()).collect();
                    return Err(ImportError::Malformed(format!("\"{file}\" holds several project files ({}): which one is meant is unclear", list.join(", "))));
                }
            }
        }
    };
    let xml_bytes = zip.read(&qde)?.unwrap_or_default();
    if xml_bytes.len() as u64 > MAX_QDE_BYTES {
        return Err(ImportError::TooLarge(format!("\"{qde}\" is larger than {} MB", MAX_QDE_BYTES / 1_000_000)));
    }
    let xml = xml_text::decode(&xml_bytes, &qde)?;
    // A big project's XML is hundreds of megabytes: hold one copy at a time.
    drop(xml_bytes);
    let root = dom::parse(&xml, &qde)?;
    drop(xml);
    if root.name != "Project" {
        return Err(ImportError::Malformed(format!("\"{qde}\" is not a REFI-QDA project (its root element is <{}>, not <Project>)", root.name)));
    }
    let by_lower: HashMap<String, String> = names.iter().map(|n| (n.to_ascii_lowercase(), n.clone())).collect();
    let mut load = |path: &str| -> Result<Option<Vec<u8>>, String> {
        let Some(inner) = path.strip_prefix("internal://") else {
            return Err(format!("its file \"{path}\" is outside the project archive"));
        };
        let want = inner.trim_start_matches('/').to_ascii_lowercase();
        let candidates = [format!("sources/{want}"), want.clone()];
        let found = candidates.iter().find_map(|c| by_lower.get(c)).or_else(|| {
            // Any folder: a tool that nests sources differently still names the file by GUID.
            by_lower.iter().find(|(k, _)| k.rsplit('/').next() == Some(want.as_str())).map(|(_, v)| v)
        });
        match found {
            Some(name) => zip.read(name).map_err(|e| e.to_string()),
            None => Ok(None),
        }
    };
    let mut project = parse::project(&root, &mut load)?;
    if project.name.is_empty() {
        project.name = file.rsplit(['/', '\\']).next().unwrap_or(file).trim_end_matches(".qdpx").to_string();
    }
    Ok(project)
}

/// Reads a `.qdc` codebook: codes and code sets; the rest of the project stays empty.
pub fn read_qdc(bytes: &[u8], file: &str) -> Result<RefiProject, ImportError> {
    if bytes.len() as u64 > MAX_QDE_BYTES {
        return Err(ImportError::TooLarge(format!("\"{file}\" is larger than {} MB", MAX_QDE_BYTES / 1_000_000)));
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let xml = xml_text::decode(bytes, name)?;
    let root = dom::parse(&xml, name)?;
    if root.name != "CodeBook" {
        return Err(ImportError::Malformed(format!("\"{name}\" is not a REFI-QDA codebook (its root element is <{}>, not <CodeBook>)", root.name)));
    }
    parse::codebook(&root)
}

/// An entry name that stays inside the archive.
fn safe_name(name: &str) -> bool {
    !(name.starts_with('/') || name.starts_with('\\') || name.contains(':') || name.split(['/', '\\']).any(|part| part == ".."))
}

#[cfg(test)]
mod tests {
    use super::*;

    const QDC: &[u8] = include_bytes!("../../../../../tests/data/refi/spec-annexA1-codebook.qdc");
    const QDC_ATLAS: &[u8] = include_bytes!("../../../../../tests/data/refi/valid.qdc");
    const QDPX: &[u8] = include_bytes!("../../../../../tests/data/refi/target-atlas-project.qdpx");
    const QDE: &[u8] = include_bytes!("../../../../../tests/data/refi/spec-annexA2-Project.qde");

    /// The fuzz targets' property on a fixed corpus, so it holds on every test run too: every
    /// truncation and many byte flips of real files give a result or an error, never a panic.
    #[test]
    fn mangled_files_never_panic() {
        let mut inputs: Vec<(Vec<u8>, bool)> = vec![(QDC.to_vec(), false), (QDC_ATLAS.to_vec(), false), (QDPX.to_vec(), true), (QDE.to_vec(), false)];
        for (bytes, _) in inputs.clone() {
            // Stored (uncompressed) in a ZIP, so flips reach the XML.
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut w = zip::ZipWriter::new(&mut buf);
            let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            w.start_file("project.qde", stored).unwrap();
            std::io::Write::write_all(&mut w, &bytes).unwrap();
            w.start_file("sources/a.txt", stored).unwrap();
            std::io::Write::write_all(&mut w, "x\u{1F600}y\r\nz".as_bytes()).unwrap();
            w.finish().unwrap();
            inputs.push((buf.into_inner(), true));
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut runs = 0;
        for (bytes, zip) in &inputs {
            let step = (bytes.len() / 300).max(1);
            let mut cases: Vec<Vec<u8>> = (0..bytes.len()).step_by(step).map(|n| bytes[..n].to_vec()).collect();
            for _ in 0..400 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let mut m = bytes.clone();
                let at = (seed as usize) % m.len().max(1);
                if let Some(b) = m.get_mut(at) {
                    *b ^= (seed >> 32) as u8 | 1;
                }
                cases.push(m);
            }
            for case in cases {
                runs += 1;
                if *zip {
                    let _ = crate::project::refi::plan_qdpx(&case, "fuzz.qdpx");
                } else {
                    let _ = read_qdc(&case, "fuzz.qdc");
                }
            }
        }
        assert!(runs > 4000, "{runs} inputs");
    }

    #[test]
    fn names_that_leave_the_archive_are_ignored() {
        assert!(safe_name("sources/a.txt"));
        assert!(!safe_name("../etc/passwd"));
        assert!(!safe_name("sources/../../x.txt"));
        assert!(!safe_name("/abs.txt"));
        assert!(!safe_name("C:\\x.txt"));
    }
}
