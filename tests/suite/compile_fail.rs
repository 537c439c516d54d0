//! Mistakes the generated API turns into compile errors, with the messages users see.

#[test]
fn mistakes_of_the_generated_api_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
