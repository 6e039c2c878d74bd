//! The drugs plugin gives the same results loaded from its dynamic library
//! as linked statically from its rlib, on its fixture facts.

mod plugins;

#[test]
fn same_results_loaded_and_linked() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../plugins/drugs/fixtures");
    let rows = plugins::same_through_dylib_and_rlib(
        "jianguan-drugs",
        jianguan_drugs::plugin_module(),
        &fixtures,
    );
    assert!(rows >= 10, "only {rows} fixture rows");
}
