import Tensor

/// The non-linearity applied after each hidden dense layer.
public enum Activation: String, Sendable, Codable, CaseIterable {
    /// max(0, z); derivative 1 where z > 0, else 0.
    case relu
    /// The identity; derivative 1.
    case linear

    // z (batch, n) → a (batch, n)
    public func forward(_ z: Matrix, into a: inout Matrix) {
        precondition(z.rows == a.rows && z.cols == a.cols,
                     "\(self) forward: z (\(z.rows), \(z.cols)) vs a (\(a.rows), \(a.cols))")
        switch self {
        case .linear:
            a.storage = z.storage
        case .relu:
            z.storage.withUnsafeBufferPointer { zs in
                a.storage.withUnsafeMutableBufferPointer { out in
                    for i in 0..<zs.count { out[i] = max(zs[i], 0) }
                }
            }
        }
    }

    // dA (batch, n), z (batch, n) → dZ = dA ⊙ f′(z) (batch, n)
    public func backward(z: Matrix, dA: Matrix, into dZ: inout Matrix) {
        precondition(z.rows == dA.rows && z.cols == dA.cols && dZ.rows == z.rows && dZ.cols == z.cols,
                     "\(self) backward: z (\(z.rows), \(z.cols)), dA (\(dA.rows), \(dA.cols)), dZ (\(dZ.rows), \(dZ.cols))")
        switch self {
        case .linear:
            dZ.storage = dA.storage
        case .relu:
            z.storage.withUnsafeBufferPointer { zs in
                dA.storage.withUnsafeBufferPointer { grad in
                    dZ.storage.withUnsafeMutableBufferPointer { out in
                        for i in 0..<zs.count { out[i] = zs[i] > 0 ? grad[i] : 0 }
                    }
                }
            }
        }
    }
}
