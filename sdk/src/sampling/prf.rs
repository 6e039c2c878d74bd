//! The draw's primitives (docs/draw-algorithm.md §3–§5): SHA-256 for digests,
//! the seed and derived keys; AES-128 as the keyed pseudo-random function
//! over entity codes. Both are in every language's standard crypto library,
//! so a draw can be re-checked without this crate.

use aes::cipher::{BlockCipherEncrypt, KeyInit};
use aes::{Aes128, Block};
use sha2::{Digest, Sha256};

use crate::entity::{CHARSET, Uscc};

/// Name and version of the algorithm this module implements. A change to any
/// byte it produces is a new version.
pub const ALGORITHM: &str = "jianguan-draw/1";

/// A SHA-256 digest.
pub type Digest32 = [u8; 32];

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> Digest32 {
    Sha256::digest(bytes).into()
}

/// Lower-case hexadecimal of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// Parses 64 hexadecimal digits (either case) into a digest; `None` if malformed.
pub fn parse_digest(text: &str) -> Option<Digest32> {
    let b = text.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in b.chunks(2).enumerate() {
        let h = (pair[0] as char).to_digit(16)?;
        let l = (pair[1] as char).to_digit(16)?;
        out[i] = (h * 16 + l) as u8;
    }
    Some(out)
}

/// Appends `bytes` with its length as a 4-byte big-endian prefix (§3, "lp").
pub(crate) fn push_lp(buf: &mut Vec<u8>, bytes: &[u8]) {
    buf.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    buf.extend_from_slice(bytes);
}

/// A derived 16-byte key: the first 16 bytes of
/// SHA-256(seed ‖ lp(label) ‖ u32be(index)) (§5).
pub fn derive_key(seed: &Digest32, label: &str, index: u32) -> [u8; 16] {
    let mut h = Sha256::new();
    h.update(seed);
    h.update((label.len() as u32).to_be_bytes());
    h.update(label.as_bytes());
    h.update(index.to_be_bytes());
    let d: Digest32 = h.finalize().into();
    let mut k = [0u8; 16];
    k.copy_from_slice(&d[..16]);
    k
}

/// The 16-byte block of an entity code (§4): its 18 characters read as a
/// base-31 number, digit values by position in GB 32100's character set
/// ("0123456789ABCDEFGHJKLMNPQRTUWXY"), written big-endian. Distinct codes
/// give distinct blocks, so under one key no two entities share a PRF value.
pub fn uscc_block(code: &Uscc) -> u128 {
    // Two halves of nine digits each fit a u64 (31^9 < 2^45), so the long
    // multiplication happens once: v = high·31^9 + low.
    let half = |digits: &[u8]| {
        digits
            .iter()
            .fold(0u64, |v, &c| v * 31 + u64::from(DIGIT[c as usize]))
    };
    let (high, low) = code.as_bytes().split_at(9);
    u128::from(half(high)) * u128::from(31u64.pow(9)) + u128::from(half(low))
}

/// Digit value of each GB 32100 character; the parser has already refused
/// every other byte.
const DIGIT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < CHARSET.len() {
        t[CHARSET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// The keyed pseudo-random function of §4: AES-128 under a derived key,
/// applied to an entity's block; the 16 output bytes read big-endian.
#[derive(Clone)]
pub struct Prf {
    cipher: Aes128,
}

impl std::fmt::Debug for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Prf(AES-128, key hidden)")
    }
}

impl Prf {
    /// The PRF under `key`.
    pub fn new(key: &[u8; 16]) -> Self {
        Prf {
            cipher: Aes128::new(&(*key).into()),
        }
    }

    /// The PRF value of one input block.
    pub fn eval(&self, input: u128) -> u128 {
        let mut b = Block::from(input.to_be_bytes());
        self.cipher.encrypt_block(&mut b);
        u128::from_be_bytes(b.into())
    }

    /// PRF values of many input blocks, in order: one call into the cipher
    /// for the whole batch, which pipelines the blocks (AES-NI).
    pub fn eval_many(&self, inputs: &[u128], out: &mut Vec<u128>) {
        let bytes: Vec<[u8; 16]> = inputs.iter().map(|v| v.to_be_bytes()).collect();
        let mut batch = KeyBatch::default();
        self.eval_batch(&bytes, &mut batch);
        out.clear();
        out.extend((0..batch.len()).map(|j| batch.get(j)));
    }

    /// PRF values of many input blocks, given as big-endian bytes, into
    /// `out`, reusing its buffer, as the cipher wrote them: the scans read
    /// the top half of every value and the whole of few, so none is
    /// converted that need not be.
    pub(crate) fn eval_batch(&self, inputs: &[[u8; 16]], out: &mut KeyBatch) {
        out.blocks.resize(inputs.len(), Block::default());
        self.cipher
            .encrypt_blocks_b2b(Block::cast_slice_from_core(inputs), &mut out.blocks)
            .expect("buffers of one length");
    }
}

/// A batch of PRF values in the cipher's byte order (big-endian), from
/// [`Prf::eval_batch`].
#[derive(Default)]
pub(crate) struct KeyBatch {
    blocks: Vec<Block>,
}

impl KeyBatch {
    /// Values in the batch.
    pub(crate) fn len(&self) -> usize {
        self.blocks.len()
    }

    /// The top 64 bits of value `j`: it orders values wherever they differ.
    #[inline(always)]
    pub(crate) fn high(&self, j: usize) -> u64 {
        let b: &[u8; 16] = self.blocks[j].as_ref();
        u64::from_be_bytes(b[..8].try_into().expect("8 bytes"))
    }

    /// Value `j`, whole.
    #[inline(always)]
    pub(crate) fn get(&self, j: usize) -> u128 {
        let b: &[u8; 16] = self.blocks[j].as_ref();
        u128::from_be_bytes(*b)
    }
}

/// The Efraimidis–Spirakis key of §6 for weighted draws: with u the top 52
/// bits of the PRF value plus one half, over 2^52 (exact in binary64, and
/// 0 < u < 1), the key is −ln(u) / weight; smaller keys win, ties broken by
/// the PRF value.
pub fn weighted_key(prf_value: u128, weight: u32) -> f64 {
    let top = (prf_value >> 76) as u64; // 52 bits: top + 0.5 needs 53, exact
    let u = (top as f64 + 0.5) / (1u64 << 52) as f64;
    -u.ln() / f64::from(weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FIPS-197 Appendix C.1 (AES-128): key 000102…0f, plaintext
    /// 00112233…ff, ciphertext 69c4e0d86a7b0430d8cdb78070b4c55a.
    #[test]
    fn aes_matches_fips_197() {
        let key: [u8; 16] = core::array::from_fn(|i| i as u8);
        let prf = Prf::new(&key);
        let out = prf.eval(0x00112233445566778899aabbccddeeff);
        assert_eq!(out, 0x69c4e0d86a7b0430d8cdb78070b4c55a);
        let mut many = Vec::new();
        prf.eval_many(&[0x00112233445566778899aabbccddeeff; 11], &mut many);
        assert!(many.iter().all(|&v| v == out) && many.len() == 11);
    }

    /// FIPS 180-4 example: SHA-256("abc").
    #[test]
    fn sha256_matches_fips_180() {
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(parse_digest(&hex(&sha256(b"abc"))), Some(sha256(b"abc")));
        assert_eq!(parse_digest("zz"), None);
    }

    #[test]
    fn block_reads_the_code_in_base_31() {
        let all_zero = Uscc::with_check_character("00000000000000000").unwrap();
        let check = all_zero.as_str().as_bytes()[17];
        let d = u128::from(DIGIT[check as usize]);
        assert_eq!(uscc_block(&all_zero), d);
        let huawei: Uscc = "914403001922038216".parse().unwrap();
        let expected = huawei.as_str().bytes().fold(0u128, |v, c| {
            v * 31 + CHARSET.iter().position(|&x| x == c).unwrap() as u128
        });
        assert_eq!(uscc_block(&huawei), expected);
        assert!(uscc_block(&huawei) < 1u128 << 90);
    }

    #[test]
    fn weighted_key_prefers_heavier_weights() {
        let v = 0x8000_0000_0000_0000_0000_0000_0000_0000u128; // u = 0.5 + 2^-53
        assert!(weighted_key(v, 4) < weighted_key(v, 1));
        assert!((weighted_key(v, 1) - std::f64::consts::LN_2).abs() < 1e-12);
    }
}
