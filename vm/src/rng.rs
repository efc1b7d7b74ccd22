//! The program's random number generator (xorshift64*), seeded by `--seed`
//! or by the clock. Used by `random` and by `select`'s fair choice.

use parking_lot::Mutex;

static STATE: Mutex<u64> = Mutex::new(0);

pub fn seed(seed: Option<u64>) {
    let s = seed.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1)
    });
    *STATE.lock() = s.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
}

pub fn next_u64() -> u64 {
    let mut st = STATE.lock();
    if *st == 0 {
        *st = 0x2545_F491_4F6C_DD1D;
    }
    let mut x = *st;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *st = x;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// Uniform in `0..n` (n > 0).
pub fn below(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        next_u64() % n
    }
}

/// Uniform in `[0, 1)`.
pub fn unit() -> f64 {
    (next_u64() >> 11) as f64 / (1u64 << 53) as f64
}
