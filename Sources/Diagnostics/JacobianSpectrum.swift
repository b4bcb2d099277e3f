import Tensor
import Network
import Probes

/// Singular values of the end-to-end input–output Jacobian J = ∂logits/∂x at one input,
/// for the network as drawn (Saxe et al. 2014; Pennington et al. 2017):
///
///     J = W_L · D_{L−1} · W_{L−1} ⋯ D_1 · W_1,    D_l = diag f′(z_l)   (classes × inputs)
///
/// For a deep linear network D_l = I and J is the product of the weights: orthogonal
/// weights (rows orthonormal when widths do not grow) give every singular value exactly 1,
/// so every direction of the error signal is passed back unchanged, while Gaussian weights
/// scaled to preserve variance *on average* spread the singular values further apart the
/// deeper the net (some directions explode, others vanish). There are min(classes, inputs)
/// singular values. Measured at the first example of the probe batch; not computed for
/// BatchNorm networks (their Jacobian depends on the whole batch).
public struct JacobianSpectrum: Sendable, Codable, Equatable {
    /// Largest first.
    public var singularValues: [Double]

    public init(singularValues: [Double]) {
        self.singularValues = singularValues
    }

    /// σ_max / σ_min (+∞ when σ_min is 0; nil when there are none).
    public var condition: Double? {
        guard let largest = singularValues.first, let smallest = singularValues.last else { return nil }
        return smallest > 0 ? largest / smallest : .infinity
    }

    /// The spectrum at `batch`'s first example, from one forward pass (which overwrites the
    /// network's activation buffers: call it before training).
    public init(initialized network: MLP, batch: ProbeBatch) {
        var first = Matrix(rows: 1, cols: batch.inputs.cols)
        for c in 0..<batch.inputs.cols { first[0, c] = batch.inputs[0, c] }
        _ = network.logits(first)
        let last = network.layers.count - 1
        var product = network.layers[last].weight                         // (classes, n_{L−1})
        for l in stride(from: last - 1, through: 0, by: -1) {
            guard let pass = network.lastPass(layer: l) else { break }
            // D_l = f′(z_l): the activation's backward with ∂L/∂a = 1.
            var ones = Matrix(rows: 1, cols: pass.z.cols)
            for c in 0..<ones.cols { ones[0, c] = 1 }
            var slope = Matrix(rows: 1, cols: pass.z.cols)
            network.hiddenActivation.backward(z: pass.z, dA: ones, into: &slope)
            for r in 0..<product.rows {
                for c in 0..<product.cols { product[r, c] *= slope[0, c] }
            }
            product = product.matmul(network.layers[l].weight)                // (classes, n_{l−1})
        }
        self.init(singularValues: product.singularValues().map(Double.init))
    }
}
