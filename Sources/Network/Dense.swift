import Tensor

/// A fully connected layer `z = x · Wᵀ + b`, with its gradients.
///
/// `weight` uses PyTorch's layout `(fanOut, fanIn)`: row `j` holds unit `j`'s incoming
/// weights. `backward` fills `dWeight` and `dBias` for the batch last seen; the optimizer
/// reads them.
public struct Dense: Sendable {
    public var weight: Matrix      // (fanOut, fanIn)
    public var bias: [Float]       // (fanOut)
    public var dWeight: Matrix     // (fanOut, fanIn), ∂L/∂W of the last backward
    public var dBias: [Float]      // (fanOut), ∂L/∂b of the last backward

    public var fanIn: Int { weight.cols }
    public var fanOut: Int { weight.rows }

    public init(weight: Matrix, bias: [Float]) {
        precondition(bias.count == weight.rows,
                     "Dense: bias has \(bias.count) entries for \(weight.rows) units")
        self.weight = weight
        self.bias = bias
        self.dWeight = Matrix(rows: weight.rows, cols: weight.cols)
        self.dBias = [Float](repeating: 0, count: weight.rows)
    }

    public init(fanIn: Int, fanOut: Int) {
        self.init(weight: Matrix(rows: fanOut, cols: fanIn), bias: [Float](repeating: 0, count: fanOut))
    }

    // x (batch, fanIn) · Wᵀ (fanIn, fanOut) + b → z (batch, fanOut)
    public func forward(_ x: Matrix, into z: inout Matrix) {
        precondition(x.cols == fanIn && z.rows == x.rows && z.cols == fanOut,
                     "Dense forward: x (\(x.rows), \(x.cols)) · Wᵀ (\(fanIn), \(fanOut)) → z (\(z.rows), \(z.cols))")
        let n = fanOut
        bias.withUnsafeBufferPointer { b in
            z.storage.withUnsafeMutableBufferPointer { out in
                guard let b = b.baseAddress, let out = out.baseAddress else { return }
                for r in 0..<x.rows { (out + r * n).update(from: b, count: n) }  // one memcpy per row
            }
        }
        Matrix.gemm(x, .none, weight, .transposed, beta: 1, into: &z)
    }

    // dW (fanOut, fanIn) = dZᵀ (fanOut, batch) · x (batch, fanIn)
    // db (fanOut)        = Σ_batch dZ
    public mutating func backward(input x: Matrix, dZ: Matrix) {
        precondition(x.cols == fanIn && dZ.rows == x.rows && dZ.cols == fanOut,
                     "Dense backward: x (\(x.rows), \(x.cols)), dZ (\(dZ.rows), \(dZ.cols)), W (\(fanOut), \(fanIn))")
        Matrix.gemm(dZ, .transposed, x, .none, into: &dWeight)
        let n = fanOut
        // Row by row, so each db[j] sums its column in batch order (the same order as a
        // scalar loop) while the inner loop runs over contiguous lanes.
        dZ.storage.withUnsafeBufferPointer { g in
            dBias.withUnsafeMutableBufferPointer { db in
                guard let g = g.baseAddress, let db = db.baseAddress else { return }
                db.update(repeating: 0, count: n)
                for r in 0..<dZ.rows {
                    let row = g + r * n
                    for j in 0..<n { db[j] += row[j] }
                }
            }
        }
    }

    // dX (batch, fanIn) = dZ (batch, fanOut) · W (fanOut, fanIn)
    public func backwardInput(dZ: Matrix, into dX: inout Matrix) {
        precondition(dZ.cols == fanOut && dX.rows == dZ.rows && dX.cols == fanIn,
                     "Dense backwardInput: dZ (\(dZ.rows), \(dZ.cols)) · W (\(fanOut), \(fanIn)) → dX (\(dX.rows), \(dX.cols))")
        Matrix.gemm(dZ, .none, weight, .none, into: &dX)
    }
}
