/// One pass over a set of Floats (`FloatMoments`): count, mean, standard deviation, extremes,
/// L2 norm and the non-finite values (counted, never dropped). Moments use the finite values
/// only, in Double. Optionally the percentiles TensorBoard draws as distribution bands.
public struct Summary: Sendable, Codable, Equatable {
    /// Percentiles recorded when asked for: TensorBoard's distribution bands.
    public static let bandPercentiles: [Double] = [0, 2, 16, 50, 84, 98, 100]
    /// Percentiles of larger sets come from an evenly strided sample of this many values
    /// (min and max stay exact in `min`/`max`): sorting every gradient would cost more than
    /// the training step it describes.
    public static let percentileSample = 2048

    public var count: Int
    public var mean: Double
    /// Population standard deviation of the finite values.
    public var std: Double
    public var min: Double
    public var max: Double
    /// √Σx² over the finite values.
    public var l2: Double
    public var nan: Int
    public var positiveInfinity: Int
    public var negativeInfinity: Int
    /// Values at `bandPercentiles` (linear interpolation between order statistics), if asked;
    /// from an evenly strided sample of at most `percentileSample` values when there are more.
    public var percentiles: [Double]?

    public var nonFinite: Int { nan + positiveInfinity + negativeInfinity }

    public init(_ values: [Float], percentiles wantPercentiles: Bool = false) {
        let moments = FloatMoments(values)
        let finite = moments.finiteCount
        count = values.count
        nan = moments.nan
        positiveInfinity = moments.positiveInfinity
        negativeInfinity = moments.negativeInfinity
        l2 = moments.sumSquares.squareRoot()
        if finite > 0 {
            mean = moments.mean
            std = moments.variance.squareRoot()
            min = Double(moments.min)
            max = Double(moments.max)
        } else {
            (mean, std, min, max) = (.nan, .nan, .nan, .nan)
        }
        percentiles = wantPercentiles ? Self.percentiles(of: values, at: Self.bandPercentiles).map(Self.float) : nil
        (mean, std, min, max, l2) = (Self.float(mean), Self.float(std), Self.float(min), Self.float(max), Self.float(l2))
    }

    /// Rounded to Float, the precision it is written at, so a read-back compares equal.
    static func float(_ x: Double) -> Double { Double(Float(x)) }

    private enum CodingKeys: String, CodingKey {
        case count, mean, std, min, max, l2, nan, positiveInfinity, negativeInfinity, percentiles
    }

    /// Statistics of Float tensors are written at Float precision (9 significant digits):
    /// Double's 17 would double the size of metrics.json and add no information.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(Float(mean), forKey: .mean)
        try c.encode(Float(std), forKey: .std)
        try c.encode(Float(min), forKey: .min)
        try c.encode(Float(max), forKey: .max)
        try c.encode(Float(l2), forKey: .l2)
        try c.encode(nan, forKey: .nan)
        try c.encode(positiveInfinity, forKey: .positiveInfinity)
        try c.encode(negativeInfinity, forKey: .negativeInfinity)
        try c.encodeIfPresent(percentiles?.map { Float($0) }, forKey: .percentiles)
    }

    /// Reads the Float-precision fields back as Float first, so a round trip is exact.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        mean = Double(try c.decode(Float.self, forKey: .mean))
        std = Double(try c.decode(Float.self, forKey: .std))
        min = Double(try c.decode(Float.self, forKey: .min))
        max = Double(try c.decode(Float.self, forKey: .max))
        l2 = Double(try c.decode(Float.self, forKey: .l2))
        nan = try c.decode(Int.self, forKey: .nan)
        positiveInfinity = try c.decode(Int.self, forKey: .positiveInfinity)
        negativeInfinity = try c.decode(Int.self, forKey: .negativeInfinity)
        percentiles = try c.decodeIfPresent([Float].self, forKey: .percentiles)?.map(Double.init)
    }

    /// Percentiles of the finite values (linear interpolation, as numpy's default), from an
    /// evenly strided sample of at most about `sample` values. Only the order statistics the
    /// points need are placed (`OrderStatistics`), not the whole sample sorted.
    public static func percentiles(of values: [Float], at points: [Double], sample: Int = percentileSample) -> [Double] {
        let stride = Swift.max(1, values.count / sample)
        var picked: [Float] = []
        picked.reserveCapacity(values.count / stride + 1)
        values.withUnsafeBufferPointer { v in
            var i = 0
            while i < v.count {
                if v[i].isFinite { picked.append(v[i]) }
                i += stride
            }
        }
        guard !picked.isEmpty else { return points.map { _ in .nan } }
        let last = picked.count - 1
        let neighbours = points.map { p -> (below: Int, above: Int, weight: Double) in
            let position = p / 100 * Double(last)
            let below = Int(position.rounded(.down))
            return (below, Swift.min(below + 1, last), position - Double(below))
        }
        OrderStatistics.place(ranks: neighbours.flatMap { [$0.below, $0.above] }, in: &picked)
        return neighbours.map { n in
            Double(picked[n.below]) * (1 - n.weight) + Double(picked[n.above]) * n.weight
        }
    }
}
