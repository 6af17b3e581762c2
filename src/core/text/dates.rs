//! ISO 8601 dates as the format writes them, turned into something sortable.
//!
//! Only the shapes publishers actually write are accepted: `YYYY-MM-DD`, optionally followed by
//! `THH:MM`, `:SS`, fractional seconds, and `Z` or `±HH:MM`. A date without a zone is read as
//! UTC. Locale formatting for readers happens in the browser (`Intl.DateTimeFormat`), except in
//! plain English ([`super::english`]).

/// Seconds since 1970-01-01T00:00:00Z, or `None` if `text` is not an accepted ISO 8601 date.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range| digits(b, range);
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(seconds);
    }
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let t = rest.as_bytes();
    if t.len() < 5 || t[2] != b':' {
        return None;
    }
    let tnum = |range| digits(t, range);
    let (hour, minute) = (tnum(0..2)?, tnum(3..5)?);
    let mut i = 5;
    let mut second = 0;
    if t.get(5) == Some(&b':') {
        second = tnum(6..8)?;
        i = 8;
        if t.get(8) == Some(&b'.') {
            i = 9;
            while t.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == 9 {
                return None;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    seconds += hour * 3600 + minute * 60 + second;
    match &rest[i..] {
        "" | "Z" | "z" => Some(seconds),
        zone => {
            let z = zone.as_bytes();
            let sign = match z.first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: Vec<u8> = z[1..].iter().copied().filter(|c| *c != b':').collect();
            if digits.len() != 4 || !digits.iter().all(u8::is_ascii_digit) || z.len() > 6 {
                return None;
            }
            let hh = i64::from(digits[0] - b'0') * 10 + i64::from(digits[1] - b'0');
            let mm = i64::from(digits[2] - b'0') * 10 + i64::from(digits[3] - b'0');
            if hh > 23 || mm > 59 {
                return None;
            }
            Some(seconds - sign * (hh * 3600 + mm * 60))
        }
    }
}

/// The number written with ASCII digits only in `bytes[range]`, if that is what is there.
fn digits(bytes: &[u8], range: std::ops::Range<usize>) -> Option<i64> {
    let part = bytes.get(range)?;
    part.iter().try_fold(0_i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// The calendar date part (`2023-03-07`) of an accepted timestamp, for display fallbacks.
pub fn date_part(text: &str) -> &str {
    text.get(..10).unwrap_or(text)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date (year, month 1–12, day) of the day `days` after 1970-01-01: the inverse
/// of [`days_from_civil`] (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_from_days_inverts_days_from_civil_across_leap_days_and_centuries() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1969, 12, 31),
            (2000, 2, 29),
            (1900, 3, 1),
            (2024, 2, 29),
            (9999, 12, 31),
            (1, 1, 1),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn plain_dates_and_epoch() {
        assert_eq!(parse_timestamp("1970-01-01"), Some(0));
        assert_eq!(parse_timestamp("2023-03-07"), Some(1_678_147_200));
    }

    #[test]
    fn zones_shift_to_utc() {
        let utc = parse_timestamp("2023-10-04T16:45:00Z").unwrap();
        assert_eq!(parse_timestamp("2023-10-04T18:45:00+02:00"), Some(utc));
        assert_eq!(parse_timestamp("2023-10-04T18:45:00+0200"), Some(utc));
        assert_eq!(parse_timestamp("2023-10-04T13:45-03:00"), Some(utc));
        assert_eq!(parse_timestamp("2023-10-04T16:45:00.123Z"), Some(utc));
    }

    #[test]
    fn impossible_dates_are_refused_not_wrapped() {
        for bad in [
            "",
            "2023",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "07/03/2023",
            "2023-03-07T25:00",
            "2023-03-07T10:00+5",
            "2023-03-07Tnoon",
            "２０２３-03-07",
            "2023-03-07T10:00:00.Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
        assert!(parse_timestamp("2024-02-29").is_some());
    }
}
