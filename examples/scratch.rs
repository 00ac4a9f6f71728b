use communique::*;
fn load(p: &str) -> Statement {
    let t = std::fs::read_to_string(p).unwrap();
    let paragraphs = t
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let line = b.split_whitespace().collect::<Vec<_>>().join(" ");
            Paragraph {
                sentences: if std::env::var("ONE").is_ok() {
                    vec![Sentence::from_segment(&line)]
                } else {
                    segment::split(&line)
                        .into_iter()
                        .map(Sentence::from_segment)
                        .collect()
                },
            }
        })
        .collect();
    Statement {
        meta: Meta::default(),
        paragraphs,
    }
}
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let d = analyze::compare(
        &load(&a[0]),
        &load(&a[1]),
        &a[0],
        &a[1],
        &align::AlignOptions::default(),
    );
    println!("{:?}", d.summary());
    for c in &d.changes {
        if c.kind == diff::ChangeKind::Same && c.renumbered.is_none() && c.editorial.is_empty() {
            continue;
        }
        let o: Vec<String> = c
            .old
            .iter()
            .map(|v| {
                format!(
                    "{} {}",
                    v.location,
                    v.text.chars().take(70).collect::<String>()
                )
            })
            .collect();
        let n: Vec<String> = c
            .new
            .iter()
            .map(|v| {
                format!(
                    "{} {}",
                    v.location,
                    v.text.chars().take(70).collect::<String>()
                )
            })
            .collect();
        println!(
            "{:?} sim={} moved={} ed={:?} kinds={:?}\n   - {:?}\n   + {:?}",
            c.kind, c.similarity, c.moved, c.editorial, c.edit_kinds, o, n
        );
    }
}
