import Foundation
import Tensor

/// The non-linearity applied after each hidden dense layer, element-wise: a = f(z).
///
/// Written and read as one string (`name`), e.g. `"tanh"` or `"leaky_relu(0.2)"`, both on
/// the command line (`parse`) and in metrics.json (`Codable`). Formulas follow PyTorch's
/// `torch.nn` modules at their default arguments.
public enum Activation: Sendable, Equatable, Hashable {
    /// max(0, z); f′ = 1 where z > 0, else 0. `torch.nn.ReLU`.
    case relu
    /// z where z > 0, else s·z; f′ = 1 or s. `torch.nn.LeakyReLU(negative_slope=s)`, default s = 0.01.
    case leakyReLU(slope: Float)
    /// tanh z ∈ (−1, 1); f′ = 1 − tanh² z. `torch.nn.Tanh`.
    case tanh
    /// σ(z) = 1 / (1 + e^−z) ∈ (0, 1); f′ = σ(z)(1 − σ(z)). `torch.nn.Sigmoid`.
    case sigmoid
    /// z where z > 0, else α(e^z − 1) with α = 1; f′ = 1 or α·e^z. `torch.nn.ELU`, Clevert et al. 2015.
    case elu
    /// λ·(z where z > 0, else α(e^z − 1)), α = 1.6732632423543772, λ = 1.0507009873554805;
    /// f′ = λ or λα·e^z. `torch.nn.SELU`, Klambauer et al. 2017.
    case selu
    /// z·Φ(z) = ½z(1 + erf(z/√2)), the exact form (computed as ½z·erfc(−z/√2), which keeps
    /// its digits for z ≪ 0); f′ = Φ(z) + z·φ(z). `torch.nn.GELU(approximate='none')`,
    /// Hendrycks & Gimpel 2016.
    case gelu
    /// z / (1 + |z|) ∈ (−1, 1); f′ = 1 / (1 + |z|)². `torch.nn.Softsign`.
    case softsign
    /// The identity; f′ = 1.
    case linear

    /// Negative slope of `leaky_relu` when none is given, as `torch.nn.LeakyReLU`.
    public static let defaultLeakySlope: Float = 0.01
    /// SELU's α and λ (scale), from torch.nn.SELU.
    static let seluAlpha: Float = 1.6732632423543772
    static let seluScale: Float = 1.0507009873554805
    static let inverseSqrt2: Float = 0.70710678118654752
    static let inverseSqrt2Pi: Float = 0.39894228040143268

    // z (batch, n) → a = f(z) (batch, n), written in place.
    public func forward(_ z: Matrix, into a: inout Matrix) {
        precondition(z.rows == a.rows && z.cols == a.cols,
                     "\(name) forward: z (\(z.rows), \(z.cols)) vs a (\(a.rows), \(a.cols))")
        switch self {
        case .relu:
            Self.map(z, into: &a) { max($0, 0) }
        case let .leakyReLU(s):
            Self.map(z, into: &a) { $0 > 0 ? $0 : s * $0 }
        case .tanh:
            Self.map(z, into: &a) { Foundation.tanh($0) }
        case .sigmoid:
            Self.map(z, into: &a, Self.sigmoid)
        case .elu:
            Self.map(z, into: &a) { $0 > 0 ? $0 : expm1($0) }
        case .selu:
            Self.map(z, into: &a) { Self.seluScale * ($0 > 0 ? $0 : Self.seluAlpha * expm1($0)) }
        case .gelu:
            Self.map(z, into: &a) { 0.5 * $0 * erfc(-$0 * Self.inverseSqrt2) }
        case .softsign:
            Self.map(z, into: &a) { $0 / (1 + abs($0)) }
        case .linear:
            Self.map(z, into: &a) { $0 }
        }
    }

    // dA (batch, n), z (batch, n) → dZ = dA ⊙ f′(z) (batch, n), written in place.
    public func backward(z: Matrix, dA: Matrix, into dZ: inout Matrix) {
        precondition(z.rows == dA.rows && z.cols == dA.cols && dZ.rows == z.rows && dZ.cols == z.cols,
                     "\(name) backward: z (\(z.rows), \(z.cols)), dA (\(dA.rows), \(dA.cols)), dZ (\(dZ.rows), \(dZ.cols))")
        switch self {
        case .relu:
            Self.chain(z, dA, into: &dZ) { z, g in z > 0 ? g : 0 }
        case let .leakyReLU(s):
            Self.chain(z, dA, into: &dZ) { z, g in z > 0 ? g : s * g }
        case .tanh:
            Self.chain(z, dA, into: &dZ) { z, g in let t = Foundation.tanh(z); return g * (1 - t * t) }
        case .sigmoid:
            // σ(1 − σ) = e^−|z| / (1 + e^−|z|)², which stays accurate where σ rounds to 0 or 1.
            Self.chain(z, dA, into: &dZ) { z, g in let e = exp(-abs(z)); return g * e / ((1 + e) * (1 + e)) }
        case .elu:
            Self.chain(z, dA, into: &dZ) { z, g in z > 0 ? g : g * exp(z) }
        case .selu:
            Self.chain(z, dA, into: &dZ) { z, g in Self.seluScale * (z > 0 ? g : g * Self.seluAlpha * exp(z)) }
        case .gelu:
            Self.chain(z, dA, into: &dZ) { z, g in
                let cdf = 0.5 * erfc(-z * Self.inverseSqrt2)
                let pdf = Self.inverseSqrt2Pi * exp(-0.5 * z * z)
                return g * (cdf + z * pdf)
            }
        case .softsign:
            Self.chain(z, dA, into: &dZ) { z, g in let d = 1 + abs(z); return g / (d * d) }
        case .linear:
            Self.chain(z, dA, into: &dZ) { _, g in g }
        }
    }

    /// σ(z) without overflow: 1/(1 + e^−z) for z ≥ 0, e^z/(1 + e^z) below, so exp only ever
    /// sees a non-positive argument.
    static func sigmoid(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    /// a[i] = f(z[i]) through raw buffers, so the training loop allocates nothing.
    @inline(__always)
    private static func map(_ z: Matrix, into a: inout Matrix, _ f: (Float) -> Float) {
        z.storage.withUnsafeBufferPointer { zs in
            a.storage.withUnsafeMutableBufferPointer { out in
                for i in 0..<zs.count { out[i] = f(zs[i]) }
            }
        }
    }

    /// dZ[i] = g(z[i], dA[i]) through raw buffers.
    @inline(__always)
    private static func chain(_ z: Matrix, _ dA: Matrix, into dZ: inout Matrix, _ g: (Float, Float) -> Float) {
        z.storage.withUnsafeBufferPointer { zs in
            dA.storage.withUnsafeBufferPointer { grad in
                dZ.storage.withUnsafeMutableBufferPointer { out in
                    for i in 0..<zs.count { out[i] = g(zs[i], grad[i]) }
                }
            }
        }
    }
}

// MARK: - Properties probes read

extension Activation {
    /// Output bands in which a unit counts as saturated (its gradient nearly vanishes):
    /// a < `lower` or a > `upper`.
    public struct Saturation: Sendable, Equatable, Hashable {
        public let lower: Float
        public let upper: Float

        public init(lower: Float, upper: Float) {
            self.lower = lower
            self.upper = upper
        }

        public func isSaturated(_ a: Float) -> Bool { a < lower || a > upper }

        /// Share of `values` that are saturated; 0 for none.
        public func fraction(of values: [Float]) -> Double {
            guard !values.isEmpty else { return 0 }
            var count = 0
            for a in values where isSaturated(a) { count += 1 }
            return Double(count) / Double(values.count)
        }
    }

    /// When an output counts as saturated, per the probes spec: tanh |a| > 0.97, sigmoid
    /// a < 0.03 or a > 0.97. Nil for activations without a saturating band.
    public var saturation: Saturation? {
        switch self {
        case .tanh: Saturation(lower: -0.97, upper: 0.97)
        case .sigmoid: Saturation(lower: 0.03, upper: 0.97)
        case .relu, .leakyReLU, .elu, .selu, .gelu, .softsign, .linear: nil
        }
    }

    /// True when every output is ≥ 0 (relu, sigmoid, leaky_relu(0)), so histograms of its
    /// activations need only [0, R].
    public var isNonNegative: Bool {
        switch self {
        case .relu, .sigmoid: true
        case let .leakyReLU(s): s == 0
        case .tanh, .elu, .selu, .gelu, .softsign, .linear: false
        }
    }
}
