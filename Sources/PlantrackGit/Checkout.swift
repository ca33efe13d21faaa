import CGit2

extension Repository {
    /// Makes the index and working tree match HEAD (`git_checkout_head`).
    ///
    /// With `force` (`GIT_CHECKOUT_FORCE`) local changes to tracked files are overwritten;
    /// without it (`GIT_CHECKOUT_SAFE`) checkout refuses to lose them
    /// (``GitError/Code/conflict``). Files git does not track are left alone.
    public func checkoutHead(force: Bool) throws {
        var options = git_checkout_options()
        try GitError.check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)),
            "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        try GitError.check(git_checkout_head(pointer, &options), "git_checkout_head")
    }
}
