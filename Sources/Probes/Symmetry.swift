import Tensor

extension SymmetryStats {
    /// Compares every pair of units' incoming weight rows of `weight` (fanOut, fanIn):
    /// cosines from the Gram matrix W·Wᵀ (one BLAS `ssyrk`, upper triangle only: the pairs
    /// i < j are all it reads), identical rows checked exactly.
    public init(weight: Matrix) {
        let units = weight.rows
        guard units > 1 else { self.init(maxCosine: 0, identicalUnits: 0); return }
        let gram = weight.upperGram()  // (units, units), filled where column ≥ row
        let norms = (0..<units).map { Double(gram[$0, $0]) }  // squared norms, ‖w_i‖²
        var best = -1.0
        var identical = [Bool](repeating: false, count: units)
        gram.storage.withUnsafeBufferPointer { g in
            for i in 0..<units {
                let ni = norms[i]
                let row = UnsafeBufferPointer(rebasing: g[(i * units)..<((i + 1) * units)])
                for j in (i + 1)..<units {
                    let nj = norms[j]
                    let cosine: Double
                    if ni == 0 || nj == 0 {
                        cosine = (ni == 0 && nj == 0) ? 1 : 0
                    } else {
                        cosine = Double(row[j]) / (ni * nj).squareRoot()
                    }
                    if cosine.isFinite, cosine > best { best = cosine }
                    if cosine > 0.999_999 || cosine.isNaN, !identical[i] || !identical[j],
                       Self.rowsEqual(weight, i, j) {
                        identical[i] = true
                        identical[j] = true
                    }
                }
            }
        }
        self.init(maxCosine: best, identicalUnits: identical.filter { $0 }.count)
    }

    static func rowsEqual(_ w: Matrix, _ i: Int, _ j: Int) -> Bool {
        zip(w.row(i), w.row(j)).allSatisfy { abs($0 - $1) <= 1e-6 }
    }
}
