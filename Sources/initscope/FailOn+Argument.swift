import ArgumentParser
import Diagnostics

/// `--fail-on error|warning|never`, listed in `--help`.
extension FailOn: ExpressibleByArgument {}
