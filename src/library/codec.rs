//! The byte format of the library's data files: unsigned LEB128 varints,
//! length-prefixed UTF-8 strings, little-endian `f32`, and raw deflate
//! (miniz_oxide) around each block. `Writer` is used by the build,
//! `Reader` by the decoder; a reader never panics on bad bytes, it returns
//! `None`.

/// The largest block the decoder inflates (a guard against corrupt data).
const INFLATE_LIMIT: usize = 64 << 20;

/// Compresses a block (raw deflate, level 9: deterministic for given bytes).
pub(crate) fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// Decompresses a block written by [`deflate`].
pub(crate) fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, INFLATE_LIMIT).ok()
}

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    /// The bytes written so far.
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    /// An unsigned varint.
    pub(crate) fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }

    /// A length or count.
    pub(crate) fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    /// A string: its byte length, then its bytes.
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// A single byte.
    pub(crate) fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    /// An `f32`, little-endian.
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// An optional `f32`: a flag byte, then the value when present.
    pub(crate) fn opt_f32(&mut self, v: Option<f32>) {
        match v {
            Some(v) => {
                self.byte(1);
                self.f32(v);
            }
            None => self.byte(0),
        }
    }
}

/// Reads values from a byte slice; every read returns `None` past the end
/// or on a malformed value.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// How many bytes have been read.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// An unsigned varint.
    pub(crate) fn uint(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// A length or count, bounded by the bytes left (each item takes at
    /// least one byte), so a corrupt count cannot reserve huge memory.
    pub(crate) fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.bytes.len().saturating_sub(self.pos)).then_some(n)
    }

    /// An offset or an index (not bounded by the bytes left).
    pub(crate) fn len_unbounded(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }

    /// A string.
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        let end = self.pos.checked_add(n)?;
        let s = std::str::from_utf8(self.bytes.get(self.pos..end)?).ok()?;
        self.pos = end;
        Some(s)
    }

    /// A single byte.
    pub(crate) fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// An `f32`.
    pub(crate) fn f32(&mut self) -> Option<f32> {
        let end = self.pos.checked_add(4)?;
        let raw: [u8; 4] = self.bytes.get(self.pos..end)?.try_into().ok()?;
        self.pos = end;
        Some(f32::from_le_bytes(raw))
    }

    /// An optional `f32`.
    pub(crate) fn opt_f32(&mut self) -> Option<Option<f32>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(self.f32()?)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_writer_and_reader() {
        let mut w = Writer::default();
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            w.uint(v);
        }
        w.str("Café");
        w.opt_f32(Some(3.5));
        w.opt_f32(None);
        let bytes = inflate(&deflate(&w.buf)).unwrap();
        let mut r = Reader::new(&bytes);
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.uint(), Some(v));
        }
        assert_eq!(r.str(), Some("Café"));
        assert_eq!(r.opt_f32(), Some(Some(3.5)));
        assert_eq!(r.opt_f32(), Some(None));
        assert_eq!(r.byte(), None);
    }

    #[test]
    fn bad_bytes_give_none_not_a_panic() {
        assert_eq!(Reader::new(&[0xff; 3]).uint(), None);
        assert_eq!(Reader::new(&[10, b'a']).str(), None);
        assert_eq!(Reader::new(&[1, 0xff]).str(), None);
        assert_eq!(Reader::new(&[2]).opt_f32(), None);
        assert_eq!(inflate(b"not deflate at all"), None);
    }
}
