//! Opaque handles, in one place (the shape of rustls-ffi's `Castable`): a
//! Rust value is boxed and handed to C as `*mut jg_x`; later calls borrow it
//! back; `jg_x_free` (or a call that consumes it) takes it back. Every
//! `Box::into_raw` / `Box::from_raw` of the C API is here.

use crate::boundary::{Failure, arg_ref, guard_free};

/// A type handed to C behind a pointer of its own type.
pub(crate) trait Handle: Sized {
    /// The argument name a NULL handle is reported under.
    const ARG: &'static str;

    /// Boxes `self` for C, which owns it until it passes it back to be freed.
    fn into_c(self) -> *mut Self {
        Box::into_raw(Box::new(self))
    }

    /// Borrows a live handle; NULL is `JG_STATUS_NULL_ARGUMENT` naming
    /// [`Self::ARG`].
    fn from_c<'a>(ptr: *const Self) -> Result<&'a Self, Failure> {
        arg_ref(ptr, Self::ARG)
    }

    /// Takes a handle back to drop or consume it; NULL is `None`.
    ///
    /// # Safety
    /// `ptr` must be NULL or from [`Handle::into_c`] of this type, not yet
    /// taken back.
    unsafe fn take_c(ptr: *mut Self) -> Option<Box<Self>> {
        // SAFETY: per the contract, made by Box::into_raw in `into_c`.
        (!ptr.is_null()).then(|| unsafe { Box::from_raw(ptr) })
    }

    /// Drops a handle behind the `_free` boundary (a panicking `Drop` is
    /// caught, the last error left alone); NULL is a no-op.
    ///
    /// # Safety
    /// As [`Handle::take_c`].
    unsafe fn free_c(ptr: *mut Self) {
        // SAFETY: forwarded contract.
        if let Some(boxed) = unsafe { Self::take_c(ptr) } {
            guard_free(|| drop(boxed));
        }
    }
}
