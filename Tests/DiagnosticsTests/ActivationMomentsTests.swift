import Testing
import Foundation
import Tensor
import Network
@testable import Diagnostics

@Suite struct ActivationMomentsTests {
    func moments(_ activation: Activation, _ variance: Double) throws -> ActivationMoments {
        try #require(ActivationMoments(activation, variance: variance))
    }

    @Test(arguments: [1e-12, 0.3, 1, 2.5, 1e8])
    func reluIsHalfTheVarianceAndHalfTheSlope(_ q: Double) throws {
        let m = try moments(.relu, q)
        #expect(abs(m.square / (0.5 * q) - 1) < 1e-6, "E[relu(z)²] = \(m.square), want \(0.5 * q)")
        #expect(abs(m.derivativeSquare - 0.5) < 1e-6, "E[relu′(z)²] = \(m.derivativeSquare), want 0.5")
    }

    @Test func linearAndLeakyReLUClosedForms() throws {
        let linear = try moments(.linear, 3)
        #expect(abs(linear.square - 3) < 3e-6 && abs(linear.derivativeSquare - 1) < 1e-6)
        let s = 0.2
        let leaky = try moments(.leakyReLU(slope: Float(s)), 2)
        let slope2 = Double(Float(s)) * Double(Float(s))
        #expect(abs(leaky.square - (1 + slope2) / 2 * 2) < 1e-5)
        #expect(abs(leaky.derivativeSquare - (1 + slope2) / 2) < 1e-6)
    }

    @Test func zeroVarianceIsTheActivationAtZero() throws {
        #expect(try moments(.relu, 0) == ActivationMoments(square: 0, derivativeSquare: 0))
        #expect(try moments(.sigmoid, 0) == ActivationMoments(square: 0.25, derivativeSquare: 0.0625))
        #expect(try moments(.tanh, 0) == ActivationMoments(square: 0, derivativeSquare: 1))
    }

    /// E[f(z)²] and E[f′(z)²] by Monte Carlo over 400,000 draws of N(0, q), through the
    /// network's own activation code.
    func monteCarlo(_ activation: Activation, _ q: Double) -> ActivationMoments {
        let n = 400_000
        var rng = SeededGenerator(seed: 7, stream: "monte-carlo:" + activation.name)
        let z = Matrix(rows: 1, cols: n, storage: (0..<n).map { _ in Float(rng.normal() * q.squareRoot()) })
        var a = Matrix(rows: 1, cols: n), dZ = Matrix(rows: 1, cols: n)
        activation.forward(z, into: &a)
        activation.backward(z: z, dA: Matrix(rows: 1, cols: n, repeating: 1), into: &dZ)
        let square = a.storage.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
        let derivative = dZ.storage.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
        return ActivationMoments(square: square, derivativeSquare: derivative)
    }

    @Test(arguments: [0.05, 1, 4, 100])
    func tanhQuadratureMatchesMonteCarlo(_ q: Double) throws {
        let exact = try moments(.tanh, q), sampled = monteCarlo(.tanh, q)
        #expect(abs(exact.square / sampled.square - 1) < 0.01, "E[tanh²]: \(exact.square) vs MC \(sampled.square)")
        #expect(abs(exact.derivativeSquare / sampled.derivativeSquare - 1) < 0.01,
                "E[tanh′²]: \(exact.derivativeSquare) vs MC \(sampled.derivativeSquare)")
    }

    @Test(arguments: Activation.allCases)
    func everyActivationMatchesMonteCarlo(_ activation: Activation) throws {
        let exact = try moments(activation, 1.7), sampled = monteCarlo(activation, 1.7)
        #expect(abs(exact.square / sampled.square - 1) < 0.01, "\(activation.name): \(exact.square) vs \(sampled.square)")
        #expect(abs(exact.derivativeSquare / sampled.derivativeSquare - 1) < 0.01,
                "\(activation.name): \(exact.derivativeSquare) vs \(sampled.derivativeSquare)")
    }

    /// With σ ≫ 1, tanh is a step: E[tanh²] → 1 and E[tanh′²] → (4/3)·φ(0)/σ, since
    /// ∫ sech⁴ = 4/3. The quadrature must still resolve the step at 0.
    @Test func hugeVarianceStillResolvesTanhsStep() throws {
        let sigma = 1e6
        let m = try moments(.tanh, sigma * sigma)
        #expect(abs(m.square - 1) < 1e-5)
        let expected = 4.0 / 3.0 / (sigma * (2 * Double.pi).squareRoot())
        #expect(abs(m.derivativeSquare / expected - 1) < 1e-3, "\(m.derivativeSquare) vs \(expected)")
    }

    @Test func beyondFloatRangeIsNotEvaluated() {
        #expect(ActivationMoments(.tanh, variance: 1e70) == nil)
        #expect(abs((ActivationMoments(.relu, variance: 1e70)?.square ?? 0) / 5e69 - 1) < 1e-6)
    }
}
