/// Readers for the word arguments of the fan-scaled schemes.
extension InitializerSpec {
    enum XavierGain {
        case none
        case number(Double)
        case nonlinearity(Nonlinearity)
    }

    /// `xavier_*()`: nothing; `xavier_*(1.5)`: a gain > 0; `xavier_*(tanh)`: the table's gain.
    /// A gain of exactly 1 given as a number is the plain scheme.
    static func xavierGain(_ call: SpecCall, spec: String) throws(InitializerError) -> XavierGain {
        guard let argument = call.arguments.first else { return .none }
        if SpecCall.isNumber(argument) {
            let gain = try SpecCall.number(argument, spec: spec)
            guard gain > 0 else { throw .invalidArgument(spec: spec, reason: "needs gain > 0") }
            return gain == 1 ? .none : .number(gain)
        }
        return .nonlinearity(try Nonlinearity.parse(argument, spec: spec))
    }

    /// `he_*(mode, nonlinearity)` in either order, each optional: fan_in (default) or fan_out,
    /// and a nonlinearity for the gain (default relu).
    static func heArguments(_ call: SpecCall, spec: String) throws(InitializerError) -> (FanMode, Nonlinearity) {
        var mode: FanMode?
        var nonlinearity: Nonlinearity?
        let expected = [FanMode.fanIn.rawValue, FanMode.fanOut.rawValue] + Nonlinearity.patterns
        for argument in call.arguments {
            if let fanMode = FanMode(rawValue: argument) {
                guard fanMode != .fanAvg else {
                    throw .invalidArgument(spec: spec, reason: "takes mode fan_in or fan_out (torch has no fan_avg for He; use variance_scaling(2,fan_avg,untruncated_normal))")
                }
                guard mode == nil else { throw .invalidArgument(spec: spec, reason: "gives the mode twice") }
                mode = fanMode
                continue
            }
            guard !SpecCall.isNumber(argument) else {
                throw .unknownArgument(spec: spec, argument: argument, expected: expected)
            }
            guard nonlinearity == nil else { throw .invalidArgument(spec: spec, reason: "gives the nonlinearity twice") }
            do {
                nonlinearity = try Nonlinearity.parse(argument, spec: spec)
            } catch .unknownArgument {
                throw .unknownArgument(spec: spec, argument: argument, expected: expected)
            }
        }
        return (mode ?? .fanIn, nonlinearity ?? .relu)
    }

    /// `variance_scaling(s, mode, distribution)`: at most one number (the scale, > 0), one
    /// mode and one distribution, in any order; Keras's defaults (1, fan_in, truncated_normal)
    /// fill in what is left out.
    static func varianceScaling(_ call: SpecCall, spec: String) throws(InitializerError) -> VarianceScaling {
        var scale: Double?
        var mode: FanMode?
        var distribution: VarianceScaling.Distribution?
        let expected = FanMode.allCases.map(\.rawValue) + VarianceScaling.Distribution.allCases.map(\.rawValue)
        for argument in call.arguments {
            if SpecCall.isNumber(argument) {
                let value = try SpecCall.number(argument, spec: spec)
                guard value > 0 else { throw .invalidArgument(spec: spec, reason: "needs scale s > 0") }
                guard scale == nil else { throw .invalidArgument(spec: spec, reason: "gives the scale twice") }
                scale = value
            } else if let fanMode = FanMode(rawValue: argument) {
                guard mode == nil else { throw .invalidArgument(spec: spec, reason: "gives the mode twice") }
                mode = fanMode
            } else if let kind = VarianceScaling.Distribution(rawValue: argument) {
                guard distribution == nil else { throw .invalidArgument(spec: spec, reason: "gives the distribution twice") }
                distribution = kind
            } else {
                throw .unknownArgument(spec: spec, argument: argument, expected: expected)
            }
        }
        return VarianceScaling(scale: scale ?? 1, mode: mode ?? .fanIn, distribution: distribution ?? .truncatedNormal)
    }
}
