//! Tests on eight bytes at once, held in one `u64` (SIMD within a
//! register). The hot byte scans of normalisation, segmentation and the
//! digest read eight bytes of mostly plain ASCII per step; these are the
//! few tests they share.
//!
//! A test returns the high bit (0x80) of each byte it flags. Where a test
//! says its *lowest* flag is exact, a borrow may also flag a byte above a
//! flagged one, never below: `trailing_zeros() / 8` of the result is then
//! the index of the first byte that passes, and `== 0` says none does.

/// 0x01 in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte.
pub(crate) const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// Up to eight bytes of `bytes` as a little-endian `u64` (byte 0 lowest),
/// zeros past its end.
pub(crate) fn load(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

/// The bytes of `x` equal to `b`; the lowest flag is exact.
pub(crate) fn eq(x: u64, b: u8) -> u64 {
    let y = x ^ splat(b);
    y.wrapping_sub(ONES) & !y & HIGH
}

/// The ASCII bytes of `x` below `n` (`n` at most 0x80); the lowest flag is
/// exact.
pub(crate) fn below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(splat(n)) & !x & HIGH
}

/// The bytes of `x` that are not printable ASCII: below 0x20 (a control),
/// 0x7F (DEL) or past ASCII; the lowest flag is exact.
pub(crate) fn unprintable(x: u64) -> u64 {
    // 0x7F plus one, and every byte past ASCII, has its high bit set.
    below(x, 0x20) | ((x | x.wrapping_add(ONES)) & HIGH)
}

/// The bytes of `x` that are ASCII and from `lo` to `hi` (both below
/// 0x80); every flag is exact. Setting each byte's high bit first keeps the
/// subtractions from borrowing across bytes.
pub(crate) fn ascii_in(x: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = (x | HIGH).wrapping_sub(splat(lo));
    let above_hi = (x | HIGH).wrapping_sub(splat(hi + 1));
    from_lo & !above_hi & !x & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags a test gives, byte by byte, as the lowest flagged index.
    fn first(flags: u64) -> Option<usize> {
        (flags != 0).then(|| (flags.trailing_zeros() / 8) as usize)
    }

    /// Every window of eight bytes from a list that holds each byte value
    /// next to every interesting one.
    fn windows() -> Vec<[u8; 8]> {
        let edges = [
            0x00, 0x1f, 0x20, 0x21, b'`', b'.', 0x7e, 0x7f, 0x80, 0xe2, 0xff,
        ];
        let mut out = Vec::new();
        for a in 0..=255u8 {
            for &e in &edges {
                out.push([e, a, e, e.wrapping_add(1), a.wrapping_sub(1), a, 0x41, e]);
                out.push([a, a, a, a, a, a, a, a]);
                out.push([0x61, 0x62, e, a, 0x63, a, e, 0x64]);
            }
        }
        out
    }

    #[test]
    fn the_lowest_flag_is_the_first_byte_that_passes() {
        for w in windows() {
            let x = u64::from_le_bytes(w);
            for b in [0x20, b'.', b'`', 0xe2, 0x00, 0xff] {
                assert_eq!(first(eq(x, b)), w.iter().position(|&c| c == b), "{w:?} {b}");
            }
            for n in [0x20, b'!', 0x80] {
                assert_eq!(
                    first(below(x, n)),
                    w.iter().position(|&c| c < n),
                    "{w:?} {n}"
                );
            }
            assert_eq!(
                first(unprintable(x)),
                w.iter().position(|&c| !(0x20..0x7f).contains(&c)),
                "{w:?}"
            );
        }
    }

    #[test]
    fn every_flag_of_a_range_is_exact() {
        for w in windows() {
            let x = u64::from_le_bytes(w);
            for (lo, hi) in [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z'), (0x00, 0x7f)] {
                let want = w
                    .iter()
                    .enumerate()
                    .filter(|&(_, &c)| (lo..=hi).contains(&c))
                    .fold(0u64, |m, (i, _)| m | (0x80 << (8 * i)));
                assert_eq!(ascii_in(x, lo, hi), want, "{w:?} {lo}..={hi}");
            }
        }
    }

    #[test]
    fn load_pads_with_zeros() {
        assert_eq!(load(b"ab"), u64::from(b'a') | (u64::from(b'b') << 8));
        assert_eq!(load(b"abcdefghij"), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(load(b""), 0);
    }
}
