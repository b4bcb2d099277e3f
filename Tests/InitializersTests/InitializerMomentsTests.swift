import Testing
import Tensor
import Initializers

/// Each scheme's sample moments and bounds against its formula, on a (256, 784) matrix:
/// fan_in = 784, fan_out = 256, 200,704 draws.
@Suite struct InitializerMomentsTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let spec: String
        let mean: Double
        let variance: Double
        /// Inclusive lower and exclusive upper bound every draw must respect, if any.
        let bounds: ClosedRange<Double>?
        var testDescription: String { spec }
    }

    static let fanIn = 784, fanOut = 256

    static let expectations: [Expectation] = {
        let xavierBound = (6.0 / Double(fanIn + fanOut)).squareRoot()
        let ruleBound = 1 / Double(fanIn).squareRoot()
        // Variance of N(0, σ²) truncated at ±2σ: σ²·(1 − 4φ(2) / (2Φ(2) − 1)).
        let phi2 = 0.053990966513188063, bigPhi2 = 0.97724986805182079
        let truncatedFactor = 1 - 4 * phi2 / (2 * bigPhi2 - 1)
        return [
            Expectation(spec: "zeros", mean: 0, variance: 0, bounds: 0...0),
            Expectation(spec: "ones", mean: 1, variance: 0, bounds: 1...1),
            Expectation(spec: "uniform(0,1)", mean: 0.5, variance: 1.0 / 12, bounds: 0...1),
            Expectation(spec: "uniform(-1,1)", mean: 0, variance: 4.0 / 12, bounds: -1...1),
            Expectation(spec: "uniform(-0.1,0.1)", mean: 0, variance: 0.04 / 12, bounds: -0.1...0.1),
            Expectation(spec: "uniform(-0.01,0.01)", mean: 0, variance: 0.0004 / 12, bounds: -0.01...0.01),
            Expectation(spec: "uniform(-0.001,0.001)", mean: 0, variance: 0.000004 / 12, bounds: -0.001...0.001),
            Expectation(spec: "general_rule", mean: 0, variance: ruleBound * ruleBound / 3, bounds: -ruleBound...ruleBound),
            Expectation(spec: "normal(0.1)", mean: 0, variance: 0.01, bounds: nil),
            Expectation(spec: "truncated_normal(0.1)", mean: 0, variance: 0.01 * truncatedFactor, bounds: -0.2...0.2),
            Expectation(spec: "xavier_uniform", mean: 0, variance: 2.0 / Double(fanIn + fanOut), bounds: -xavierBound...xavierBound),
            Expectation(spec: "xavier_normal", mean: 0, variance: 2.0 / Double(fanIn + fanOut), bounds: nil),
            Expectation(spec: "he_normal", mean: 0, variance: 2.0 / Double(fanIn), bounds: nil),
            // fanOut ≤ fanIn: fanOut orthonormal rows, so Σw² = g²·fanOut and E[w²] = g²/fan_in.
            Expectation(spec: "orthogonal", mean: 0, variance: 1.0 / Double(fanIn), bounds: -1...1),
            Expectation(spec: "orthogonal(2)", mean: 0, variance: 4.0 / Double(fanIn), bounds: -2...2),
        ]
    }()

    @Test(arguments: expectations)
    func sampleMomentsMatchFormula(_ e: Expectation) throws {
        let scheme = try InitializerSpec.parse(e.spec)
        var rng = SeededGenerator(seed: 11, stream: e.spec)
        let w = scheme.weights(fanIn: Self.fanIn, fanOut: Self.fanOut, rng: &rng)
        #expect(w.rows == Self.fanOut && w.cols == Self.fanIn)

        let n = Double(w.count)
        let mean = w.storage.reduce(0.0) { $0 + Double($1) } / n
        let variance = w.storage.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
        let std = e.variance.squareRoot()
        #expect(abs(mean - e.mean) <= 5 * std / n.squareRoot() + 1e-12, "mean \(mean) vs \(e.mean)")
        #expect(abs(variance - e.variance) <= 0.02 * e.variance + 1e-15, "variance \(variance) vs \(e.variance)")
        if let bounds = e.bounds {
            let low = Float(bounds.lowerBound), high = Float(bounds.upperBound)
            #expect(w.storage.allSatisfy { $0 >= low && $0 <= high }, "draws outside \(bounds)")
            if bounds.lowerBound < bounds.upperBound {
                #expect(!w.storage.contains(high), "upper bound \(high) must be excluded")
            }
        }
    }

    @Test(arguments: expectations.map(\.spec))
    func nameRoundTripsThroughTheParser(_ spec: String) throws {
        let scheme = try InitializerSpec.parse(spec)
        #expect(scheme.name == spec)
        #expect(try InitializerSpec.parse(scheme.name).name == spec)
        #expect(!scheme.label.isEmpty && !scheme.formula.isEmpty)
    }

    @Test func sameSeedSameWeights() throws {
        let scheme = try InitializerSpec.parse("he_normal")
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        #expect(scheme.weights(fanIn: 30, fanOut: 20, rng: &a) == scheme.weights(fanIn: 30, fanOut: 20, rng: &b))
    }
}
