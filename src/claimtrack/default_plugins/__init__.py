"""claimtrack's built-in behaviour, each module a plugin like any third-party one."""
