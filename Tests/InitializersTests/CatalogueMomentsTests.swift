import Testing
import Tensor
import Initializers

/// The catalogue's fan-scaled and fixed-scale schemes against their formulas on a (256, 512)
/// matrix: fan_out = 256 (rows), fan_in = 512 (columns), 131,072 draws. Sample mean and
/// variance must lie within 5 standard errors of the formula's; uniform and truncated kinds
/// must respect their bounds.
@Suite struct CatalogueMomentsTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let spec: String
        let variance: Double
        /// |w| ≤ bound for every draw, if the scheme has one.
        let bound: Double?
        var testDescription: String { spec }
    }

    static let fanOut = 256.0, fanIn = 512.0
    static let fanAvg = (fanIn + fanOut) / 2

    static let expectations: [Expectation] = {
        let tanh2 = 25.0 / 9, leaky02 = 2 / (1 + 0.04), leakyDefault = 2 / (1 + 0.0001)
        let correction = 0.87962566103423978
        return [
            Expectation(spec: "small_normal", variance: 1e-4, bound: nil),
            Expectation(spec: "lecun_normal", variance: 1 / fanIn, bound: nil),
            Expectation(spec: "lecun_uniform", variance: 1 / fanIn, bound: (3 / fanIn).squareRoot()),
            Expectation(spec: "he_uniform", variance: 2 / fanIn, bound: (6 / fanIn).squareRoot()),
            Expectation(spec: "he_uniform(fan_out)", variance: 2 / fanOut, bound: (6 / fanOut).squareRoot()),
            Expectation(spec: "he_uniform(tanh)", variance: tanh2 / fanIn, bound: (3 * tanh2 / fanIn).squareRoot()),
            Expectation(spec: "he_uniform(fan_out,leaky_relu(0.2))", variance: leaky02 / fanOut,
                        bound: (3 * leaky02 / fanOut).squareRoot()),
            Expectation(spec: "he_normal(fan_out)", variance: 2 / fanOut, bound: nil),
            Expectation(spec: "he_normal(leaky_relu)", variance: leakyDefault / fanIn, bound: nil),
            Expectation(spec: "he_normal(fan_out,selu)", variance: (9.0 / 16) / fanOut, bound: nil),
            Expectation(spec: "he_normal(linear)", variance: 1 / fanIn, bound: nil),
            Expectation(spec: "xavier_uniform(tanh)", variance: tanh2 * 2 / (fanIn + fanOut),
                        bound: (5.0 / 3) * (6 / (fanIn + fanOut)).squareRoot()),
            Expectation(spec: "xavier_uniform(1.5)", variance: 2.25 * 2 / (fanIn + fanOut),
                        bound: 1.5 * (6 / (fanIn + fanOut)).squareRoot()),
            Expectation(spec: "xavier_normal(relu)", variance: 2 * 2 / (fanIn + fanOut), bound: nil),
            Expectation(spec: "xavier_normal(2)", variance: 4 * 2 / (fanIn + fanOut), bound: nil),
            // Truncated: the 0.8796 correction makes the measured std √(s/n), cut at ±2σ.
            Expectation(spec: "variance_scaling(2,fan_in,truncated_normal)", variance: 2 / fanIn,
                        bound: 2 * (2 / fanIn).squareRoot() / correction),
            Expectation(spec: "variance_scaling(1,fan_out,truncated_normal)", variance: 1 / fanOut,
                        bound: 2 * (1 / fanOut).squareRoot() / correction),
            Expectation(spec: "variance_scaling(1,fan_avg,truncated_normal)", variance: 1 / fanAvg,
                        bound: 2 * (1 / fanAvg).squareRoot() / correction),
            Expectation(spec: "variance_scaling(1,fan_out,untruncated_normal)", variance: 1 / fanOut, bound: nil),
            Expectation(spec: "variance_scaling(3,fan_avg,uniform)", variance: 3 / fanAvg, bound: (9 / fanAvg).squareRoot()),
            Expectation(spec: "variance_scaling(0.5,fan_in,uniform)", variance: 0.5 / fanIn, bound: (1.5 / fanIn).squareRoot()),
            // Orthonormal rows (fan_out ≤ fan_in): Σw² = fan_out, so E[w²] = 1/fan_in.
            Expectation(spec: "lsuv", variance: 1 / fanIn, bound: nil),
        ]
    }()

    @Test(arguments: expectations)
    func sampleMomentsMatchFormula(_ e: Expectation) throws {
        let scheme = try InitializerSpec.parse(e.spec)
        var rng = SeededGenerator(seed: 17, stream: e.spec)
        let w = scheme.weights(fanIn: Int(Self.fanIn), fanOut: Int(Self.fanOut), rng: &rng)
        #expect(w.rows == Int(Self.fanOut) && w.cols == Int(Self.fanIn))

        let n = Double(w.count)
        let values = w.storage.map(Double.init)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let fourth = values.reduce(0) { $0 + pow4($1 - mean) } / n
        // Standard errors: σ/√n for the mean, √((m₄ − s⁴)/n) for the variance.
        let meanError = (e.variance / n).squareRoot()
        let varianceError = (max(fourth - variance * variance, 0) / n).squareRoot()
        #expect(abs(mean) <= 5 * meanError, "mean \(mean), standard error \(meanError)")
        #expect(abs(variance - e.variance) <= 5 * varianceError + 1e-12 * e.variance,
                "variance \(variance) vs \(e.variance), standard error \(varianceError)")
        if let bound = e.bound {
            let limit = Float(bound) * (1 + 1e-6)
            #expect(w.storage.allSatisfy { abs($0) <= limit }, "draws beyond ±\(bound)")
            // The bound is reached: the draws fill the range, not a narrower one.
            #expect(w.storage.map(abs).max()! >= Float(bound) * 0.95)
        }
    }

    @Test func fanOutModeDividesByTheRows() throws {
        // Same draws, different fan: the fan_out matrix is the fan_in one × √(fan_in/fan_out).
        var a = SeededGenerator(seed: 2), b = SeededGenerator(seed: 2)
        let fanInW = try InitializerSpec.parse("he_normal").weights(fanIn: 40, fanOut: 10, rng: &a)
        let fanOutW = try InitializerSpec.parse("he_normal(fan_out)").weights(fanIn: 40, fanOut: 10, rng: &b)
        for i in 0..<fanInW.count {
            #expect(abs(fanOutW.storage[i] - fanInW.storage[i] * 2) <= 1e-6 * abs(fanInW.storage[i]) + 1e-7)
        }
    }

    @Test func heNormalDrawsExactlyWhatItAlwaysDrew() throws {
        // The original he_normal: fillNormal with std (2 / Float(fan_in)).squareRoot().
        for (fanOut, fanIn) in [(256, 784), (64, 30), (10, 7)] {
            var rng = SeededGenerator(seed: 9), replay = SeededGenerator(seed: 9)
            let w = HeNormal().weights(fanIn: fanIn, fanOut: fanOut, rng: &rng)
            let std = (2 / Float(fanIn)).squareRoot()
            let expected = (0..<fanOut * fanIn).map { _ in replay.normalFloat(std: std) }
            #expect(w.storage == expected)
            #expect(try InitializerSpec.parse("kaiming_normal(fan_in,relu)").name == "he_normal")
        }
    }

    @Test func plainXavierDrawsExactlyWhatItAlwaysDrew() {
        var rng = SeededGenerator(seed: 4), replay = SeededGenerator(seed: 4)
        let w = XavierUniform().weights(fanIn: 30, fanOut: 20, rng: &rng)
        let bound = (6 / Float(50)).squareRoot()
        #expect(w.storage == (0..<600).map { _ in replay.uniformFloat(in: -bound, bound) })
    }

    @Test func smallNormalIsNormalOfOneHundredth() throws {
        var a = SeededGenerator(seed: 6), b = SeededGenerator(seed: 6)
        let small = try InitializerSpec.parse("small_normal").weights(fanIn: 20, fanOut: 10, rng: &a)
        #expect(small == Normal(std: 0.01).weights(fanIn: 20, fanOut: 10, rng: &b))
    }

    static let constants: [(String, Float)] = [("constant(0.5)", 0.5), ("constant(-2)", -2), ("constant(0)", 0), ("ones", 1), ("zeros", 0)]

    @Test(arguments: constants)
    func constantsAreExact(_ spec: String, _ value: Float) throws {
        var rng = SeededGenerator(seed: 1), untouched = SeededGenerator(seed: 1)
        let w = try InitializerSpec.parse(spec).weights(fanIn: 13, fanOut: 7, rng: &rng)
        #expect(w.storage.allSatisfy { $0 == value })
        #expect(rng.next() == untouched.next(), "a constant draws nothing")
    }

    static let identityShapes: [(Int, Int)] = [(5, 5), (3, 8), (8, 3), (1, 4), (4, 1)]

    @Test(arguments: identityShapes)
    func identityIsExact(_ fanOut: Int, _ fanIn: Int) throws {
        var rng = SeededGenerator(seed: 1), untouched = SeededGenerator(seed: 1)
        let w = try InitializerSpec.parse("identity").weights(fanIn: fanIn, fanOut: fanOut, rng: &rng)
        for i in 0..<fanOut { for j in 0..<fanIn { #expect(w[i, j] == (i == j ? 1 : 0)) } }
        #expect(rng.next() == untouched.next())
    }
}

private func pow4(_ x: Double) -> Double { let s = x * x; return s * s }
