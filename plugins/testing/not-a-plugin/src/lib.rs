//! Test fixture: a dynamic library with no plugin root module.

/// An ordinary exported function, so the library is not empty.
#[unsafe(no_mangle)]
#[allow(unsafe_code)]
pub extern "C" fn jianguan_testing_not_a_plugin() -> u32 {
    7
}
