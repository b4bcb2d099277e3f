import Tensor

/// Batch normalization of a hidden dense layer's output, before its activation (Ioffe &
/// Szegedy 2015), computed as `torch.nn.BatchNorm1d(features, eps=1e-5, momentum=0.1)`:
///
///     batch statistics (training, inspect):  μ = mean_b u    σ² = mean_b (u − μ)²   (biased)
///     running statistics (evaluation):       μ = runningMean σ² = runningVariance
///     x̂ = (u − μ) / √(σ² + ε)      y = γ ⊙ x̂ + β
///
/// A training pass also updates the running estimates, torch's way (unbiased variance):
///
///     runningMean ← (1 − m)·runningMean + m·μ
///     runningVariance ← (1 − m)·runningVariance + m·σ²·N/(N − 1)
///
/// γ starts at 1 and β at 0, the running mean at 0 and the running variance at 1. Sums run in
/// Double. One deviation from torch, which refuses to train on a batch of one: with N = 1 the
/// running variance is left as it is (there is no unbiased estimate), so a trailing batch
/// of one example does not stop a run.
public struct BatchNorm: Sendable {
    public var gamma: [Float]            // (features)
    public var beta: [Float]             // (features)
    public var dGamma: [Float]           // (features), ∂L/∂γ of the last backward
    public var dBeta: [Float]            // (features), ∂L/∂β of the last backward
    public var runningMean: [Float]      // (features)
    public var runningVariance: [Float]  // (features)
    public let epsilon: Float
    public let momentum: Float

    public var features: Int { gamma.count }

    public init(features: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) {
        precondition(features > 0, "BatchNorm needs at least one feature, got \(features)")
        gamma = [Float](repeating: 1, count: features)
        beta = [Float](repeating: 0, count: features)
        dGamma = [Float](repeating: 0, count: features)
        dBeta = [Float](repeating: 0, count: features)
        runningMean = [Float](repeating: 0, count: features)
        runningVariance = [Float](repeating: 1, count: features)
        self.epsilon = epsilon
        self.momentum = momentum
    }

    // u (batch, n) → y = γ ⊙ x̂ + β (batch, n); keeps x̂ (batch, n) and 1/√(σ² + ε) (n) for
    // backward. All buffers are the caller's, written in place.
    public mutating func forward(_ u: Matrix, mode: PassMode, into y: inout Matrix,
                                 xHat: inout Matrix, inverseStd: inout [Float]) {
        let n = features
        precondition(u.cols == n && y.rows == u.rows && y.cols == n && xHat.rows == u.rows && xHat.cols == n
                     && inverseStd.count == n,
                     "BatchNorm(\(n)) forward: u (\(u.rows), \(u.cols)), y (\(y.rows), \(y.cols)), x̂ (\(xHat.rows), \(xHat.cols)), 1/σ (\(inverseStd.count))")
        let batch = u.rows
        let (eps, m) = (Double(epsilon), momentum)
        let batchStatistics = mode.usesBatchStatistics
        let update = mode.updatesRunningStatistics
        u.storage.withUnsafeBufferPointer { u in
            y.storage.withUnsafeMutableBufferPointer { y in
                xHat.storage.withUnsafeMutableBufferPointer { xHat in
                    for j in 0..<n {
                        let mean: Double, variance: Double
                        if batchStatistics {
                            var sum = 0.0
                            for r in 0..<batch { sum += Double(u[r * n + j]) }
                            mean = sum / Double(batch)
                            var squares = 0.0
                            for r in 0..<batch { let d = Double(u[r * n + j]) - mean; squares += d * d }
                            variance = squares / Double(batch)
                            if update {
                                runningMean[j] = (1 - m) * runningMean[j] + m * Float(mean)
                                if batch > 1 {
                                    let unbiased = Float(squares / Double(batch - 1))
                                    runningVariance[j] = (1 - m) * runningVariance[j] + m * unbiased
                                }
                            }
                        } else {
                            mean = Double(runningMean[j])
                            variance = Double(runningVariance[j])
                        }
                        let istd = 1 / (variance + eps).squareRoot()
                        inverseStd[j] = Float(istd)
                        let (g, b) = (gamma[j], beta[j])
                        for r in 0..<batch {
                            let i = r * n + j
                            let x = Float((Double(u[i]) - mean) * istd)
                            xHat[i] = x
                            y[i] = g * x + b
                        }
                    }
                }
            }
        }
    }

    // dY (batch, n) → dγ = Σ_b dY ⊙ x̂ (n), dβ = Σ_b dY (n), and dU (batch, n):
    //   batch statistics (μ, σ depend on u):  dU = γ/σ · (dY − dβ/N − x̂ ⊙ dγ/N)
    //   running statistics (constants):       dU = γ/σ · dY
    // `mode` must be the forward's; x̂ and 1/σ are what that forward kept.
    public mutating func backward(dY: Matrix, xHat: Matrix, inverseStd: [Float], mode: PassMode,
                                  into dU: inout Matrix) {
        let n = features
        precondition(dY.cols == n && xHat.rows == dY.rows && xHat.cols == n && dU.rows == dY.rows && dU.cols == n
                     && inverseStd.count == n,
                     "BatchNorm(\(n)) backward: dY (\(dY.rows), \(dY.cols)), x̂ (\(xHat.rows), \(xHat.cols)), dU (\(dU.rows), \(dU.cols))")
        let batch = dY.rows
        let batchStatistics = mode.usesBatchStatistics
        dY.storage.withUnsafeBufferPointer { dY in
            xHat.storage.withUnsafeBufferPointer { xHat in
                dU.storage.withUnsafeMutableBufferPointer { dU in
                    for j in 0..<n {
                        var sumDY = 0.0, sumDYxHat = 0.0
                        for r in 0..<batch {
                            let i = r * n + j
                            sumDY += Double(dY[i])
                            sumDYxHat += Double(dY[i]) * Double(xHat[i])
                        }
                        dBeta[j] = Float(sumDY)
                        dGamma[j] = Float(sumDYxHat)
                        let scale = Double(gamma[j]) * Double(inverseStd[j])
                        if batchStatistics {
                            let meanDY = sumDY / Double(batch), meanDYxHat = sumDYxHat / Double(batch)
                            for r in 0..<batch {
                                let i = r * n + j
                                dU[i] = Float(scale * (Double(dY[i]) - meanDY - Double(xHat[i]) * meanDYxHat))
                            }
                        } else {
                            for r in 0..<batch {
                                let i = r * n + j
                                dU[i] = Float(scale * Double(dY[i]))
                            }
                        }
                    }
                }
            }
        }
    }
}
