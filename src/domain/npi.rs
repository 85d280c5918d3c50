//! National Provider Identifier check digits: ten digits, the last a Luhn check digit
//! over the prefix 80840 followed by the first nine.

/// The Luhn check digit for nine NPI digits (with the 80840 prefix).
pub fn check_digit(nine: &[u8; 9]) -> u8 {
    // Luhn over 80840 + the nine digits: doubling starts at the rightmost payload
    // digit. The prefix adds a constant 24 to the sum.
    let mut sum = 24u32;
    for (i, &d) in nine.iter().rev().enumerate() {
        let d = u32::from(d);
        sum += if i % 2 == 0 {
            let twice = d * 2;
            twice / 10 + twice % 10
        } else {
            d
        };
    }
    ((10 - sum % 10) % 10) as u8
}

/// True when `npi` is ten digits with a valid check digit.
pub fn is_valid(npi: &str) -> bool {
    let digits: Vec<u8> = npi.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 10 || digits.iter().any(|d| *d > 9) {
        return false;
    }
    let mut nine = [0u8; 9];
    nine.copy_from_slice(&digits[..9]);
    check_digit(&nine) == digits[9]
}

/// The full NPI for nine digits, or `None` when `nine` is not nine digits.
pub fn complete(nine: &str) -> Option<String> {
    let digits: Vec<u8> = nine.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 9 || digits.iter().any(|d| *d > 9) {
        return None;
    }
    let mut arr = [0u8; 9];
    arr.copy_from_slice(&digits);
    Some(format!("{nine}{}", check_digit(&arr)))
}
