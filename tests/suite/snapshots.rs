//! The generated source of each spec file, reviewed like code (`cargo insta review`).

use flow_codegen::Config;

use crate::common::spec_files;

#[test]
fn generated_source_of_each_spec_file() {
    for file in spec_files() {
        let stem = file.file_stem().expect("file name").to_string_lossy().into_owned();
        let rendered = Config::new()
            .spec_file(&file)
            .out_dir("unused")
            .render()
            .expect("valid spec");
        for (name, content) in &rendered.files {
            insta::assert_snapshot!(format!("{stem}__{name}"), content);
        }
    }
}
