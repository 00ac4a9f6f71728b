use super::split;

fn check(paragraph: &str, expected: &[&str]) {
    assert_eq!(split(paragraph), expected, "paragraph: {paragraph}");
}

#[test]
fn empty_and_blank() {
    assert!(split("").is_empty());
    assert!(split(" ").is_empty());
}
