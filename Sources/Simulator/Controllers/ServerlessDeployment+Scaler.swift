extension ServerlessDeployment {
    /// The scaler of the option's platform, whose instances run `concurrency` requests each.
    func makeScaler(concurrency: Int) -> any PlatformScaler {
        platform.profile.limits.polls
            ? PollingScaler(deployment: self)
            : RequestDrivenScaler(deployment: self, concurrency: concurrency)
    }
}
