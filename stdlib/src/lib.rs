//! mojolite builtins and modules.
