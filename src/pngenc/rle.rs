//! Raw deflate by run lengths only, for the PNG encoder's Paeth-filtered bands (issue 21).
//!
//! The parse is zlib's `Z_RLE` strategy (`deflate_rle`): a byte that the next three repeat
//! the previous one of starts a match at distance 1, as long as the repetition (at most
//! 258); every other byte is a literal. Each block of up to [`BLOCK_SYMBOLS`] symbols gets
//! its own Huffman codes (or is stored when that is smaller), as zlib sizes its blocks at
//! `mem_level` 9. zlib-rs took ~13 cycles a byte for this on a noisy figure (the tally of
//! each literal into its symbol buffer, then the block's trees and bits); this loop keeps
//! the symbols as 16-bit words, counts them as it goes and writes the bits through a
//! 64-bit accumulator. Same parse, so the files are within a few bytes of zlib-rs's (the
//! Huffman codes are built by another tie order and length limit).

use crate::Result;

/// Symbols (literals and matches) a block holds at most.
const BLOCK_SYMBOLS: usize = 1 << 15;

/// A match's mark in a symbol word (its length - 3 in the low byte).
const MATCH: u16 = 0x100;

/// The end-of-block symbol.
const EOB: usize = 256;

/// Base lengths of the length codes 257..=285.
const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];

/// Extra bits of the length codes 257..=285.
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];

/// The order in which the code-length code's lengths are sent.
const CL_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// LSB-first bit writer into a buffer sized for the output plus [`SLACK`] bytes: each
/// `put` stores the whole 64-bit accumulator and moves on by the whole bytes it holds, with
/// no branch on how full it is.
struct Bits<'a> {
    buf: &'a mut [u8],
    pos: usize,
    acc: u64,
    n: u32,
    /// The buffer was too short (a bug: the caller sizes it for stored blocks).
    overflow: bool,
}

/// Bytes past the output's bound that [`Bits::put`] may store into.
const SLACK: usize = 8;

impl Bits<'_> {
    /// Appends the `bits` low bits of `v` (at most 32; no higher bits set).
    #[inline(always)]
    fn put(&mut self, v: u32, bits: u32) {
        self.put_long(u64::from(v), bits);
    }

    /// Appends the `bits` low bits of `v` (at most 56; no higher bits set).
    #[inline(always)]
    fn put_long(&mut self, v: u64, bits: u32) {
        self.acc |= v << self.n;
        self.n += bits;
        match self.buf.get_mut(self.pos..self.pos + 8) {
            Some(dst) => dst.copy_from_slice(&self.acc.to_le_bytes()),
            None => self.overflow = true,
        }
        let bytes = self.n / 8;
        self.pos += bytes as usize;
        self.acc >>= 8 * bytes;
        self.n &= 7;
    }

    /// Pads with zero bits to a byte boundary.
    fn align(&mut self) {
        if self.n > 0 {
            self.put(0, 8 - self.n);
        }
    }

    /// Appends whole bytes (after [`Bits::align`]).
    fn bytes(&mut self, b: &[u8]) {
        match self.buf.get_mut(self.pos..self.pos + b.len()) {
            Some(dst) => dst.copy_from_slice(b),
            None => self.overflow = true,
        }
        self.pos += b.len();
    }
}

/// Huffman code lengths of `freq` in `lens` (0 for unused symbols), none over `limit`.
/// At least two symbols must be used. Over the limit, the counts are halved (keeping
/// every used symbol) until the tree fits: rare, and it only costs a little size.
///
/// The tree is the one a min-heap of `(weight, node)` would build (the two lightest nodes
/// joined first, ties to the lower node number: leaves by symbol, then the internal nodes
/// in the order they are made), by two queues: the leaves sorted by `(weight, symbol)`,
/// and the internal nodes, whose weights come out in order. Same lengths as the heap, at
/// a sort's cost (the heap's pops were ~6% of an encoding).
fn code_lengths(freq: &[u32], limit: u8, lens: &mut [u8]) {
    let mut f: Vec<u32> = freq.to_vec();
    loop {
        let leaves: Vec<usize> = (0..f.len()).filter(|&s| f[s] > 0).collect();
        let n = leaves.len();
        // Leaf i is symbol leaves[i]; the order of the first queue.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_unstable_by_key(|&i| (f[leaves[i]], i));
        // Nodes: the leaves, then the internal nodes in the order they are made.
        let mut weight: Vec<u64> = leaves.iter().map(|&s| u64::from(f[s])).collect();
        weight.resize(2 * n - 1, 0);
        let mut parent = vec![0usize; 2 * n - 1];
        let (mut qa, mut qb) = (0usize, n); // fronts: into `order`, and the next internal node
        for next in n..2 * n - 1 {
            let mut pick = || match order.get(qa) {
                // A leaf's number is below every internal node's: it wins ties.
                Some(&l) if qb >= next || weight[l] <= weight[qb] => {
                    qa += 1;
                    l
                }
                _ => {
                    qb += 1;
                    qb - 1
                }
            };
            let (a, b) = (pick(), pick());
            parent[a] = next;
            parent[b] = next;
            weight[next] = weight[a] + weight[b];
        }
        // A parent comes after its children: depths from the root down.
        let mut depth = vec![0u8; 2 * n - 1];
        for i in (0..2 * n - 2).rev() {
            depth[i] = depth[parent[i]].saturating_add(1);
        }
        if depth[..n].iter().all(|&d| d <= limit) {
            lens.fill(0);
            for (i, &s) in leaves.iter().enumerate() {
                lens[s] = depth[i];
            }
            return;
        }
        for x in f.iter_mut().filter(|x| **x > 0) {
            *x = (*x >> 1).max(1);
        }
    }
}

/// Canonical codes (bit-reversed for LSB-first writing) of `lens`.
fn codes(lens: &[u8]) -> Vec<u16> {
    let mut count = [0u16; 16];
    for &l in lens {
        count[usize::from(l)] += 1;
    }
    count[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lens.iter()
        .map(|&l| {
            if l == 0 {
                return 0;
            }
            let c = next[usize::from(l)];
            next[usize::from(l)] += 1;
            c.reverse_bits() >> (16 - u32::from(l))
        })
        .collect()
}

/// The code-length symbols of `lens` (RFC 1951 3.2.7): `(symbol, extra value, extra bits)`.
fn run_length_lengths(lens: &[u8], out: &mut Vec<(u8, u8, u8)>) {
    let mut i = 0;
    while i < lens.len() {
        let l = lens[i];
        let run = lens[i..].iter().take_while(|&&x| x == l).count();
        i += run;
        if l == 0 {
            let mut r = run;
            while r >= 11 {
                let k = r.min(138);
                out.push((18, (k - 11) as u8, 7));
                r -= k;
            }
            if r >= 3 {
                out.push((17, (r - 3) as u8, 3));
            } else {
                out.extend(std::iter::repeat_n((0, 0, 0), r));
            }
        } else {
            out.push((l, 0, 0));
            let mut r = run - 1;
            while r >= 3 {
                let k = r.min(6);
                out.push((16, (k - 3) as u8, 2));
                r -= k;
            }
            out.extend(std::iter::repeat_n((l, 0, 0), r));
        }
    }
}

/// Makes sure at least two symbols of `freq` are used (a code needs two).
fn two_used(freq: &mut [u32]) {
    for s in 0..freq.len() {
        if freq.iter().filter(|&&f| f > 0).count() >= 2 {
            return;
        }
        if freq[s] == 0 {
            freq[s] = 1;
        }
    }
}

/// One block: `syms` parsed from `raw`, written as a dynamic-Huffman block or stored,
/// whichever is smaller.
fn block(bits: &mut Bits<'_>, syms: &[u16], raw: &[u8], lit: &mut [u32; 286], fin: bool) {
    lit[EOB] = 1;
    two_used(lit);
    let mut dist = [0u32; 30];
    dist[0] = lit[257..].iter().sum();
    two_used(&mut dist);
    let mut lit_len = [0u8; 286];
    let mut dist_len = [0u8; 30];
    code_lengths(lit, 15, &mut lit_len);
    code_lengths(&dist, 15, &mut dist_len);
    let hlit = 257.max(lit_len.iter().rposition(|&l| l > 0).map_or(0, |p| p + 1));
    let hdist = 1.max(dist_len.iter().rposition(|&l| l > 0).map_or(0, |p| p + 1));
    let mut cl_syms = Vec::with_capacity(64);
    run_length_lengths(&lit_len[..hlit], &mut cl_syms);
    run_length_lengths(&dist_len[..hdist], &mut cl_syms);
    let mut cl_freq = [0u32; 19];
    for &(s, _, _) in &cl_syms {
        cl_freq[usize::from(s)] += 1;
    }
    two_used(&mut cl_freq);
    let mut cl_len = [0u8; 19];
    code_lengths(&cl_freq, 7, &mut cl_len);
    let hclen = 4.max(
        CL_ORDER
            .iter()
            .rposition(|&s| cl_len[s] > 0)
            .map_or(0, |p| p + 1),
    );

    // Sizes in bits: dynamic against stored.
    let mut dynamic: u64 = 3 + 5 + 5 + 4 + 3 * hclen as u64;
    dynamic += cl_syms
        .iter()
        .map(|&(s, _, e)| u64::from(cl_len[usize::from(s)]) + u64::from(e))
        .sum::<u64>();
    dynamic += lit
        .iter()
        .zip(&lit_len)
        .map(|(&f, &l)| u64::from(f) * u64::from(l))
        .sum::<u64>();
    dynamic += lit[257..]
        .iter()
        .zip(&LEN_EXTRA)
        .map(|(&f, &e)| u64::from(f) * u64::from(e))
        .sum::<u64>();
    dynamic += u64::from(dist[0]) * u64::from(dist_len[0]);
    let stored = raw.len().div_ceil(65_535).max(1) as u64 * (3 + 7 + 32) + 8 * raw.len() as u64;
    if stored < dynamic {
        store(bits, raw, fin);
        return;
    }

    bits.put(u32::from(fin) | 2 << 1, 3);
    bits.put((hlit - 257) as u32, 5);
    bits.put((hdist - 1) as u32, 5);
    bits.put((hclen - 4) as u32, 4);
    for &s in &CL_ORDER[..hclen] {
        bits.put(u32::from(cl_len[s]), 3);
    }
    let cl_code = codes(&cl_len);
    for &(s, v, e) in &cl_syms {
        let s = usize::from(s);
        bits.put(u32::from(cl_code[s]), u32::from(cl_len[s]));
        if e > 0 {
            bits.put(u32::from(v), u32::from(e));
        }
    }
    let lit_code = codes(&lit_len);
    // Each symbol's code and length in one word: code | length << 16.
    let table: Vec<u32> = lit_code
        .iter()
        .zip(&lit_len)
        .map(|(&c, &l)| u32::from(c) | u32::from(l) << 16)
        .collect();
    let d_code = u64::from(codes(&dist_len)[0]);
    let d_len = u32::from(dist_len[0]);
    // A match of each length - 3 as one code: its length code, extra bits and distance
    // code (at most 15 + 5 + 15 bits).
    let matches: Vec<(u64, u32)> = (0..256usize)
        .map(|l| {
            let code = usize::from(len_code(l + 3));
            let t = table[257 + code];
            let (c, n) = (u64::from(t & 0xffff), t >> 16);
            let extra = u32::from(LEN_EXTRA[code]);
            let e = (l + 3) as u64 - u64::from(LEN_BASE[code]);
            (c | e << n | d_code << (n + extra), n + extra + d_len)
        })
        .collect();
    // Two literals at a time where two follow each other (at most 30 bits): half the
    // dependent steps of the bit accumulator. The writer's state in locals (registers)
    // for the loop, not behind `bits`.
    let mut local = Bits {
        buf: std::mem::take(&mut bits.buf),
        pos: bits.pos,
        acc: bits.acc,
        n: bits.n,
        overflow: bits.overflow,
    };
    let bits_out = bits;
    let bits = &mut local;
    let mut rest = syms;
    while let [s, more @ ..] = rest {
        if s & MATCH == 0 {
            let t = table[usize::from(*s)];
            if let [s2, after @ ..] = more {
                if s2 & MATCH == 0 {
                    let t2 = table[usize::from(*s2)];
                    let n = t >> 16;
                    bits.put_long(
                        u64::from(t & 0xffff) | u64::from(t2 & 0xffff) << n,
                        n + (t2 >> 16),
                    );
                    rest = after;
                    continue;
                }
            }
            bits.put(t & 0xffff, t >> 16);
        } else {
            let (v, n) = matches[usize::from(s & 0xff)];
            bits.put_long(v, n);
        }
        rest = more;
    }
    let t = table[EOB];
    bits.put(t & 0xffff, t >> 16);
    bits_out.buf = std::mem::take(&mut bits.buf);
    (bits_out.pos, bits_out.acc, bits_out.n) = (bits.pos, bits.acc, bits.n);
    bits_out.overflow = bits.overflow;
}

/// `raw` as stored blocks (at most 65,535 bytes each); an empty one when `raw` is empty.
fn store(bits: &mut Bits<'_>, raw: &[u8], fin: bool) {
    let mut pieces = raw.chunks(65_535).peekable();
    if pieces.peek().is_none() {
        bits.put(u32::from(fin), 3);
        bits.align();
        bits.bytes(&[0, 0, 0xff, 0xff]);
        return;
    }
    while let Some(p) = pieces.next() {
        let last = pieces.peek().is_none();
        bits.put(u32::from(fin && last), 3);
        bits.align();
        let n = p.len() as u16;
        bits.bytes(&n.to_le_bytes());
        bits.bytes(&(!n).to_le_bytes());
        bits.bytes(p);
    }
}

/// `data` as raw deflate by run lengths: ending with the final block when `last`, else
/// with a sync flush (an empty stored block), so that the next band's stream can follow.
/// Returns the compressed bytes and the Adler-32 of `data`.
pub(super) fn deflate_rle(data: &[u8], last: bool) -> Result<(Vec<u8>, u32)> {
    let (mut out, mut syms) = KEPT.take();
    let res = deflate_rle_in(&mut out, &mut syms, data, last);
    if out.len() > KEPT_BYTES {
        out = Vec::new();
    }
    KEPT.set((out, syms));
    res
}

/// The longest output buffer a thread keeps between calls (a longer one is freed).
const KEPT_BYTES: usize = 16 << 20;

thread_local! {
    /// A thread's output and symbol buffers, kept between calls: zeroed only where they
    /// grow (fresh ones were ~4% of an encoding of the default figure in `memset`).
    static KEPT: std::cell::Cell<(Vec<u8>, Vec<u16>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// Makes `v` at least `len` long (zeros where it grows), fallibly.
fn grow<T: Copy + Default>(v: &mut Vec<T>, len: usize, what: &str) -> Result<()> {
    if v.len() < len {
        v.try_reserve_exact(len - v.len()).map_err(|_| {
            crate::alloc::error(len as u128 * std::mem::size_of::<T>() as u128, what)
        })?;
        v.resize(len, T::default());
    }
    Ok(())
}

/// [`deflate_rle`] with the thread's buffers.
fn deflate_rle_in(
    out: &mut Vec<u8>,
    syms: &mut Vec<u16>,
    data: &[u8],
    last: bool,
) -> Result<(Vec<u8>, u32)> {
    // Stored blocks bound the output: 5 bytes a block of 65,535 and the headers.
    let bound = data.len() + data.len() / 8 + 1024 + SLACK;
    grow(out, bound, "the PNG's compressed data")?;
    let out = &mut out[..bound];
    // The block's symbols, `syms[..ns]`.
    grow(
        syms,
        BLOCK_SYMBOLS.min(data.len() + 8),
        "the PNG encoder's symbols",
    )?;
    let mut ns = 0;
    let mut bits = Bits {
        buf: out,
        pos: 0,
        acc: 0,
        n: 0,
        overflow: false,
    };
    let mut lit = [0u32; 286];
    let mut start = 0; // the block's first byte
    let mut i = 0;
    let n = data.len();
    while i < n {
        // Eight positions at a time while none starts a run and the block has room after
        // them (it is ended by the byte-by-byte parse below): the same symbols and block
        // ends as that parse alone.
        if i > 0 && i + 10 <= n && ns + 8 < BLOCK_SYMBOLS {
            let starts = run_starts(&data[i - 1..i + 10]);
            let k = if starts == 0 {
                8
            } else {
                starts.trailing_zeros() as usize / 8
            };
            // All eight stored (one widening store), `k` of them kept.
            for (d, &b) in syms[ns..ns + 8].iter_mut().zip(&data[i..i + 8]) {
                *d = u16::from(b);
            }
            for &b in &data[i..i + k] {
                lit[usize::from(b)] += 1;
            }
            ns += k;
            i += k;
            if k == 8 {
                continue;
            }
        }
        let b = data[i];
        let run = if i > 0 && data[i - 1] == b && i + 3 <= n && data[i + 1] == b && data[i + 2] == b
        {
            3 + same_as(&data[i + 3..n.min(i + 258)], b)
        } else {
            0
        };
        syms[ns] = if run >= 3 {
            lit[257 + usize::from(len_code(run))] += 1;
            i += run;
            MATCH | (run - 3) as u16
        } else {
            lit[usize::from(b)] += 1;
            i += 1;
            u16::from(b)
        };
        ns += 1;
        if ns == BLOCK_SYMBOLS {
            block(
                &mut bits,
                &syms[..ns],
                &data[start..i],
                &mut lit,
                last && i == n,
            );
            ns = 0;
            lit = [0; 286];
            start = i;
        }
    }
    if ns > 0 {
        block(&mut bits, &syms[..ns], &data[start..], &mut lit, last);
    } else if n == 0 && last {
        store(&mut bits, &[], true);
    }
    if !last {
        store(&mut bits, &[], false); // the sync flush
    }
    bits.align();
    let (len, overflow) = (bits.pos, bits.overflow);
    if overflow {
        return Err(crate::Error::Data(format!(
            "PNG encoding: the run-length deflate of {} bytes passed its bound of {bound}",
            data.len()
        )));
    }
    let mut bytes = crate::alloc::with_capacity::<u8>(len, "the PNG's compressed data")?;
    bytes.extend_from_slice(&out[..len]);
    Ok((bytes, zlib_rs::adler32::adler32(1, data)))
}

/// Which of the eight positions `p` = 1..=8 of `w` (11 bytes: the byte before the first
/// position, the eight, and two after) start a run in the parse of [`deflate_rle`]:
/// `w[p - 1] == w[p] == w[p + 1] == w[p + 2]`. Bit `8 (p - 1) + 7` of the result is set
/// for each such position, no other bit.
#[inline(always)]
fn run_starts(w: &[u8]) -> u64 {
    let word = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&w[at..at + 8]);
        u64::from_le_bytes(b)
    };
    let (a, b, c, d) = (word(0), word(1), word(2), word(3));
    zero_bytes(a ^ b) & zero_bytes(b ^ c) & zero_bytes(c ^ d)
}

/// How many bytes at the start of `s` are `b`, eight at a time (the figure's margins are
/// runs of hundreds of bytes).
#[inline(always)]
fn same_as(s: &[u8], b: u8) -> usize {
    let pattern = u64::from_ne_bytes([b; 8]);
    let mut words = s.chunks_exact(8);
    let mut k = 0;
    for w in words.by_ref() {
        let mut x = [0u8; 8];
        x.copy_from_slice(w);
        let differ = u64::from_le_bytes(x) ^ pattern;
        if differ != 0 {
            return k + differ.trailing_zeros() as usize / 8;
        }
        k += 8;
    }
    k + words.remainder().iter().take_while(|&&x| x == b).count()
}

/// The high bit of each byte of `z` that is zero, no other bit (exact: no borrow between
/// bytes).
#[inline(always)]
fn zero_bytes(z: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((z & LOW7) + LOW7) | z | LOW7)
}

/// The length code (0 = 257) of a match of `len` (3..=258).
#[inline(always)]
fn len_code(len: usize) -> u8 {
    const T: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut code = 0;
        while code < 28 {
            let mut e = 0;
            while e < (1u16 << LEN_EXTRA[code]) {
                let l = (LEN_BASE[code] + e - 3) as usize;
                if l < 255 {
                    t[l] = code as u8;
                }
                e += 1;
            }
            code += 1;
        }
        t[255] = 28;
        t
    };
    T[(len - 3) & 0xff]
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn inflate(z: &[u8], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len + 16];
        let config = zlib_rs::InflateConfig { window_bits: -15 };
        let (got, rc) = zlib_rs::decompress_slice(&mut out, z, config);
        assert_eq!(rc, zlib_rs::ReturnCode::Ok);
        got.to_vec()
    }

    /// Noise, runs of every length, long flat stretches, few symbols, one byte, nothing:
    /// each inflates back (with a final block, and with the sync flush plus an empty
    /// final block after it), and the Adler-32 is zlib's.
    #[test]
    fn round_trips() {
        let mut seed = 12345u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        };
        let noise: Vec<u8> = (0..300_000).map(|_| rnd()).collect();
        let mut runs = Vec::new();
        for len in 1..600 {
            runs.extend(std::iter::repeat_n((len % 7) as u8, len));
        }
        let mixed: Vec<u8> = (0..200_000)
            .map(|i| if (i / 1000) % 2 == 0 { 0 } else { rnd() & 3 })
            .collect();
        let two: Vec<u8> = (0..100_000).map(|i| (i % 2) as u8 * 255).collect();
        for data in [
            noise,
            runs,
            mixed,
            two,
            vec![0; 1_000_000],
            vec![7],
            vec![1, 1, 1, 1],
            vec![],
        ] {
            assert_eq!(len_code(258), 28);
            let (z, adler) = deflate_rle(&data, true).unwrap();
            assert_eq!(inflate(&z, data.len()), data);
            assert_eq!(adler, zlib_rs::adler32::adler32(1, &data));
            let (mut z, _) = deflate_rle(&data, false).unwrap();
            z.extend_from_slice(&[3, 0]); // an empty final fixed block
            assert_eq!(inflate(&z, data.len()), data);
        }
    }

    /// Fibonacci counts make a Huffman tree deeper than 15 (and 7): the lengths still keep
    /// to the limit and form a complete prefix code (Kraft sum exactly 1).
    #[test]
    fn code_lengths_keep_the_limit() {
        let mut fib = vec![1u32, 1];
        while fib.len() < 30 {
            let k = fib.len();
            fib.push(fib[k - 1] + fib[k - 2]);
        }
        for (limit, n) in [(15u8, 30usize), (7, 19), (15, 2), (7, 3)] {
            let mut freq = fib[..n].to_vec();
            freq.resize(freq.len() + 5, 0);
            let mut lens = vec![0u8; freq.len()];
            code_lengths(&freq, limit, &mut lens);
            assert!(lens.iter().all(|&l| l <= limit), "{lens:?}");
            let kraft: f64 = lens
                .iter()
                .filter(|&&l| l > 0)
                .map(|&l| 0.5f64.powi(i32::from(l)))
                .sum();
            assert_eq!(kraft, 1.0, "{lens:?}");
            assert!(lens[..n].iter().all(|&l| l > 0) && lens[n..].iter().all(|&l| l == 0));
        }
    }

    proptest::proptest! {
        /// Random bytes from a small or a full alphabet, with runs of random lengths
        /// spliced in (so blocks mix literals, matches of every length and stored blocks),
        /// inflate back to themselves with zlib-rs, final block or not.
        #[test]
        fn random_data_round_trips(
            parts in proptest::collection::vec(
                (0u8..=255, 0usize..700, proptest::collection::vec(0u8..=255, 0..400), 1u8..=255),
                0..40,
            ),
        ) {
            let mut data = Vec::new();
            for (byte, run, noise, mask) in parts {
                data.extend(std::iter::repeat_n(byte, run));
                data.extend(noise.iter().map(|b| b & mask));
            }
            let (z, adler) = deflate_rle(&data, true).unwrap();
            proptest::prop_assert_eq!(inflate(&z, data.len()), data.clone());
            proptest::prop_assert_eq!(adler, zlib_rs::adler32::adler32(1, &data));
            let (mut z, _) = deflate_rle(&data, false).unwrap();
            z.extend_from_slice(&[3, 0]);
            proptest::prop_assert_eq!(inflate(&z, data.len()), data);
        }
    }

    /// The heap-built tree [`code_lengths`] replaced (ties to the lower node number).
    fn heap_lengths(f: &[u32], lens: &mut [u8]) {
        use std::cmp::Reverse;
        let leaves: Vec<usize> = (0..f.len()).filter(|&s| f[s] > 0).collect();
        let n = leaves.len();
        let mut parent = vec![0usize; 2 * n - 1];
        let mut heap: std::collections::BinaryHeap<Reverse<(u64, usize)>> = leaves
            .iter()
            .enumerate()
            .map(|(i, &s)| Reverse((u64::from(f[s]), i)))
            .collect();
        let mut next = n;
        while heap.len() > 1 {
            let Reverse((wa, a)) = heap.pop().unwrap();
            let Reverse((wb, b)) = heap.pop().unwrap();
            parent[a] = next;
            parent[b] = next;
            heap.push(Reverse((wa + wb, next)));
            next += 1;
        }
        let mut depth = vec![0u8; 2 * n - 1];
        for i in (0..2 * n - 2).rev() {
            depth[i] = depth[parent[i]] + 1;
        }
        lens.fill(0);
        for (i, &s) in leaves.iter().enumerate() {
            lens[s] = depth[i];
        }
    }

    proptest::proptest! {
        /// The two queues build the heap's tree: the same lengths, ties included (small
        /// counts from a few values make many ties).
        #[test]
        fn two_queues_match_the_heap(
            freq in proptest::collection::vec(
                proptest::prop_oneof![0u32..4, 0u32..100_000], 2..300),
        ) {
            let mut freq = freq;
            two_used(&mut freq);
            let mut want = vec![0u8; freq.len()];
            heap_lengths(&freq, &mut want);
            proptest::prop_assume!(want.iter().all(|&l| l <= 15));
            let mut got = vec![0u8; freq.len()];
            code_lengths(&freq, 15, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Every match length has the code of RFC 1951's table.
    #[test]
    fn length_codes() {
        for len in 3..=258usize {
            let c = usize::from(len_code(len));
            let base = usize::from(LEN_BASE[c]);
            assert!(len >= base && len - base < 1 << LEN_EXTRA[c], "{len}");
            assert!(c == 28 || len < 258, "258 has code 285");
        }
    }
}
