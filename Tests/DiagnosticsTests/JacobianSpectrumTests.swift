import Testing
import Tensor
import Network
import Diagnostics
import TestSupport

@Suite struct JacobianSpectrumTests {
    /// A deep linear net with orthogonal weights passes every direction back unchanged:
    /// all singular values of ∂logits/∂x are 1 (Saxe et al. 2014).
    @Test func orthogonalDeepLinearNetHasEverySingularValueOne() throws {
        let sizes = [784] + Array(repeating: 64, count: 12) + [10]
        let network = try ForecastFixtures.network("orthogonal", sizes: sizes, activation: .linear)
        let spectrum = JacobianSpectrum(initialized: network, batch: try ForecastFixtures.batch(4))
        #expect(spectrum.singularValues.count == 10)
        for s in spectrum.singularValues { #expect(abs(s - 1) < 1e-4) }
    }

    /// Gaussian weights with variance 1/fan_in preserve the signal's variance on average, yet
    /// the product's singular values spread with depth.
    @Test func gaussianDeepLinearNetSpreadsWithDepth() throws {
        func condition(depth: Int) throws -> Double {
            let sizes = [784] + Array(repeating: 64, count: depth) + [10]
            let network = try ForecastFixtures.network("gaussian 1/fan_in", sizes: sizes, activation: .linear,
                                                       fill: { w, rng in
                let std = (1 / Float(w.cols)).squareRoot()
                for i in 0..<w.storage.count { w.storage[i] = rng.normalFloat(std: std) }
            })
            return try #require(JacobianSpectrum(initialized: network, batch: try ForecastFixtures.batch(4)).condition)
        }
        let shallow = try condition(depth: 1), deep = try condition(depth: 24)
        #expect(deep > 4 * shallow)
    }

    /// The Jacobian of a tanh net agrees with finite differences of the logits in a few input directions.
    @Test func matchesFiniteDifferencesOfTheLogits() throws {
        let network = try ForecastFixtures.network("he_normal", sizes: [784, 32, 16, 10], activation: .tanh)
        let batch = try ForecastFixtures.batch(1)
        let spectrum = JacobianSpectrum(initialized: network, batch: batch)
        // ‖J v‖ ≤ σ_max ‖v‖ for every v, and the Frobenius norm² = Σσ² equals Σ_i ‖J e_i‖² (estimated on all inputs).
        let x = batch.inputs
        let base = network.logits(x)
        var frobenius = 0.0
        let h: Float = 1e-2
        for i in 0..<x.cols {
            var moved = x
            moved[0, i] += h
            var back = x
            back[0, i] -= h
            let up = network.logits(moved), down = network.logits(back)
            for k in 0..<base.cols {
                let d = Double(up[0, k] - down[0, k]) / Double(2 * h)
                frobenius += d * d
            }
        }
        let fromSpectrum = spectrum.singularValues.reduce(0) { $0 + $1 * $1 }
        #expect(abs(frobenius - fromSpectrum) / fromSpectrum < 0.02)
    }
}
