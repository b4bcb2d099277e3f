/// Central finite difference of a scalar function of one parameter:
/// (f(θ + h) − f(θ − h)) / 2h, evaluated in Double around a Float parameter.
public func centralDifference(step h: Float = 1e-2, at value: Float,
                              _ f: (Float) -> Double) -> Double {
    (f(value + h) - f(value - h)) / Double(2 * h)
}

/// |a − b| ≤ absolute + relative · max(|a|, |b|)
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-2, absolute: Double = 1e-4) -> Bool {
    abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}
