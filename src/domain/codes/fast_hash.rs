//! A fast hash for maps keyed by our own data (codes, words), where SipHash's
//! protection against crafted keys only costs time: building the lookup's index runs
//! while a learner waits.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds `Fnv` hashers, for `HashMap<K, V, FastHash>`.
pub type FastHash = BuildHasherDefault<Fnv>;

/// The 64-bit FNV-1a hash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}
