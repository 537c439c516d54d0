//! Mistakes the generated API turns into compile errors, with the messages users see.

#[test]
fn missing_required_params_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
