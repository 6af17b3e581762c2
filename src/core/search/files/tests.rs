use super::*;

#[test]
fn norm_buckets_cover_short_and_long_fields() {
    assert_eq!(norm_bucket(0), 0);
    assert_eq!(norm_bucket(5), 5);
    assert_eq!(bucket_length(norm_bucket(12)), 15);
    assert!(bucket_length(31) > 7_000);
    assert_eq!(norm_bucket(1_000_000), 31);
    for len in 0..10_000 {
        let b = norm_bucket(len);
        assert!(bucket_length(b) >= len.min(bucket_length(31)), "{len}");
    }
}

#[test]
fn postings_and_positions_round_trip_and_corruption_is_an_error() {
    let mut text = String::new();
    // ordinal 3: headline (norm 5, tf 1) and body (norm 20, tf 2); ordinal 40: body tf 1.
    for n in [3, 1, 5, 1, 10, 20, 2, 37, 10, 20, 1] {
        push_vlq(&mut text, n);
    }
    let postings = decode_postings(&text, 41).unwrap();
    assert_eq!(postings.len(), 2);
    assert_eq!(
        postings[0].entries[1],
        Entry {
            field: 5,
            norm: 20,
            tf: 2
        }
    );
    assert_eq!(postings[1].ordinal, 40);
    assert!(
        decode_postings(&text, 40).is_err(),
        "ordinal past the corpus"
    );
    let mut positions = String::new();
    for n in [0, 4, 3, 7] {
        push_vlq(&mut positions, n);
    }
    assert_eq!(
        decode_positions(&positions, &postings).unwrap(),
        [vec![0], vec![4, 7], vec![7]]
    );
    assert!(decode_positions("A", &postings).is_err(), "too few");
    assert!(
        decode_positions(&format!("{positions}A"), &postings).is_err(),
        "too many"
    );
    assert!(decode_postings("*", 10).is_err());
    assert!(decode_postings("D", 10).is_err(), "cut short");
    assert!(
        decode_postings("AMAB", 10).is_err(),
        "field 6 does not exist"
    );
    assert!(decode_postings("AKAA", 10).is_err(), "tf 0");
    assert!(decode_postings("//////////", 10).is_err(), "overflow");
}

#[test]
fn fragments_are_checked_against_their_number_and_the_corpus() {
    let text = r#"{"version": 1, "fragment": 2, "count": 5, "terms": {"a": "AAB", "b": "BAB"}}"#;
    let f = TermFragment::from_json(text, 2, 5).unwrap();
    assert_eq!(f.terms.get("b").map(String::as_str), Some("BAB"));
    assert!(TermFragment::from_json(text, 3, 5).is_err());
    assert!(TermFragment::from_json(text, 2, 6).is_err());
    let unsorted = r#"{"version": 1, "fragment": 0, "count": 5, "terms": {"b": "", "a": ""}}"#;
    assert!(TermFragment::from_json(unsorted, 0, 5).is_err());
    let bad = r#"{"version": 1, "fragment": 0, "count": 5, "stems": {"x": "Z"}}"#;
    match TermFragment::from_json(bad, 0, 5).unwrap().validate() {
        Err(FormatError::Invalid { path, .. }) => assert_eq!(path, "stems.x"),
        other => panic!("{other:?}"),
    }
}
