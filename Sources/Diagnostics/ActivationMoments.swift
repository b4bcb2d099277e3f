import Foundation
import Tensor
import Network

/// The two numbers the variance forecast needs from an activation f, for z ~ N(0, q):
///
///     E[f(z)²]  = ∫ f(z)² φ(z/σ)/σ dz      (carries the forward variance, Glorot & Bengio 2010)
///     E[f′(z)²] = ∫ f′(z)² φ(z/σ)/σ dz     (carries the backward variance, He et al. 2015)
///
/// with σ = √q. ReLU gives ½q and ½ exactly (He et al. 2015, eq. 7 and 13); every other
/// activation is integrated numerically, through the very `Activation.forward`/`backward`
/// the network runs, so the forecast and the training can never disagree about f.
///
/// The rule is composite Simpson on each side of z = 0, over |z| ≤ 12σ (the tail beyond
/// holds e^−72 of the mass): `intervals` panels on |z| ≤ min(12σ, 20), where every
/// activation here has its curvature, and as many again on 20 < |z| ≤ 12σ, where each is
/// flat or linear. So a huge σ still resolves tanh's step at 0, and a tiny σ still resolves
/// the Gaussian. The node z = 0 is evaluated as ±`Float.leastNormalMagnitude`, giving the
/// one-sided limits, so ReLU's kink and its jump in f′ fall between panels, not inside one.
///
/// Positively homogeneous activations (relu, leaky_relu, linear: f(σu) = σ·f(u)) are
/// integrated at σ = 1 and scaled, which is exact and cannot overflow or underflow.
public struct ActivationMoments: Sendable, Equatable {
    /// E[f(z)²].
    public var square: Double
    /// E[f′(z)²].
    public var derivativeSquare: Double

    /// Simpson panels per side per region.
    static let intervals = 2000
    /// |z| up to which the activations have their curvature.
    static let curvedRegion = 20.0
    /// Tail cut, in standard deviations.
    static let tail = 12.0
    /// Largest σ evaluated directly: z = 12σ must stay a finite Float with room to spare.
    public static let largestStandardDeviation = 1e30

    public init(square: Double, derivativeSquare: Double) {
        self.square = square
        self.derivativeSquare = derivativeSquare
    }

    /// The moments of `activation` for z ~ N(0, `variance`); nil when σ exceeds
    /// `largestStandardDeviation` for an activation that is not positively homogeneous
    /// (Float values overflow there; the network's would too).
    public init?(_ activation: Activation, variance: Double) {
        precondition(variance >= 0, "ActivationMoments: variance \(variance) < 0")
        if variance == 0 {
            let (f, fPrime) = Self.evaluate(activation, at: [0])
            self.init(square: f[0] * f[0], derivativeSquare: fPrime[0] * fPrime[0])
            return
        }
        if activation.isPositivelyHomogeneous {
            let unit = Self.integrate(activation, sigma: 1)
            self.init(square: unit.square * variance, derivativeSquare: unit.derivativeSquare)
            return
        }
        let sigma = variance.squareRoot()
        guard sigma <= Self.largestStandardDeviation else { return nil }
        self = Self.integrate(activation, sigma: sigma)
    }

    /// Simpson's rule over both sides of 0 (see the type's comment).
    static func integrate(_ activation: Activation, sigma: Double) -> ActivationMoments {
        let reach = tail * sigma
        var breaks = [0.0, min(reach, curvedRegion)]
        if reach > curvedRegion { breaks.append(reach) }
        var nodes: [Double] = [], weights: [Double] = []
        for side in [-1.0, 1.0] {
            for (a, b) in zip(breaks, breaks.dropFirst()) {
                let h = (b - a) / Double(intervals)
                for k in 0...intervals {
                    let z = a + Double(k) * h
                    let simpson = (k == 0 || k == intervals) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
                    let u = z / sigma
                    // 1/√(2π) · e^(−u²/2) / σ, the N(0, σ²) density at z.
                    let density = 0.3989422804014327 * Foundation.exp(-0.5 * u * u) / sigma
                    nodes.append(side * (z == 0 ? Double(Float.leastNormalMagnitude) : z))
                    weights.append(simpson * h / 3 * density)
                }
            }
        }
        let (f, fPrime) = evaluate(activation, at: nodes)
        var square = 0.0, derivativeSquare = 0.0
        for i in nodes.indices {
            square += weights[i] * f[i] * f[i]
            derivativeSquare += weights[i] * fPrime[i] * fPrime[i]
        }
        return ActivationMoments(square: square, derivativeSquare: derivativeSquare)
    }

    /// f(z) and f′(z) at `points`, through the network's own Float implementation.
    static func evaluate(_ activation: Activation, at points: [Double]) -> (f: [Double], fPrime: [Double]) {
        let z = Matrix(rows: 1, cols: points.count, storage: points.map { Float($0) })
        var a = Matrix(rows: 1, cols: points.count)
        var dZ = Matrix(rows: 1, cols: points.count)
        activation.forward(z, into: &a)
        activation.backward(z: z, dA: Matrix(rows: 1, cols: points.count, repeating: 1), into: &dZ)
        return (a.storage.map(Double.init), dZ.storage.map(Double.init))
    }
}

extension Activation {
    /// f(c·z) = c·f(z) for every c > 0: relu, leaky_relu and linear.
    var isPositivelyHomogeneous: Bool {
        switch self {
        case .relu, .leakyReLU, .linear: true
        case .tanh, .sigmoid, .elu, .selu, .gelu, .softsign: false
        }
    }
}
