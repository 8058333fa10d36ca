//! Reading the files a host names: keys, certificates, CA bundles.

use std::path::Path;

use crate::error::{Error, Failure, Result};

/// The largest key or certificate file gdtls reads: far more than any key
/// or chain (a whole system CA bundle is about 200 KiB), and a bound on
/// what a wrong path (a log, a disk image) can cost.
pub const MAX_CRYPTO_FILE_SIZE: u64 = 1 << 20;

/// Reads a whole key, certificate or CA bundle file, with Godot's error for
/// a file that cannot be opened. Only regular files of at most
/// `MAX_CRYPTO_FILE_SIZE` bytes are read: a FIFO or a device would block or
/// never end. The file is opened without blocking and checked through its
/// descriptor, so a path swapped for a FIFO meanwhile cannot block either.
pub(crate) fn read_limited_file(path: &Path, what: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let fail = |why: String| {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("cannot read {what} file '{}': {why}", path.display()),
        )
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(|e| fail(e.to_string()))?;
    let meta = file.metadata().map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail(format!(
            "it is not a regular file (a {})",
            file_kind(&meta.file_type())
        )));
    }
    if meta.len() > MAX_CRYPTO_FILE_SIZE {
        return Err(fail(format!(
            "it is {} bytes long, more than the {MAX_CRYPTO_FILE_SIZE} bytes a key or certificate file may have",
            meta.len()
        )));
    }
    // A file that grows while it is read (or lies about its size, as some
    // files of /proc do) is cut at the limit, and refused.
    let mut data = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_CRYPTO_FILE_SIZE + 1)
        .read_to_end(&mut data)
        .map_err(|e| fail(e.to_string()))?;
    if data.len() as u64 > MAX_CRYPTO_FILE_SIZE {
        return Err(fail(format!(
            "it holds more than the {MAX_CRYPTO_FILE_SIZE} bytes a key or certificate file may have"
        )));
    }
    Ok(data)
}

fn file_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "directory"
    } else if kind.is_fifo() {
        "FIFO"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() {
        "character device"
    } else if kind.is_block_device() {
        "block device"
    } else {
        "special file"
    }
}
