//! One insta snapshot per corpus document, rendered for a reviewer: each claim with
//! its id, fields and rule, and its sentence with the span underlined. Adding a file
//! to corpus/ adds a snapshot; review changes with `cargo insta test --review`.

mod common;

#[test]
fn corpus_snapshots() {
    let rules = common::rules();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(common::root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "*.{html,htm,txt}", |path| {
            let (_, extraction) = common::extract(path, &rules);
            insta::assert_snapshot!(claimex::output::to_review(&extraction));
        });
    });
}
