import Tensor

extension Matrix {
    /// A matrix of uniform values in [-scale, scale) drawn from `rng` (tests only).
    public static func random(rows: Int, cols: Int, scale: Float = 1,
                              rng: inout SeededGenerator) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<m.count { m.storage[i] = rng.uniformFloat(in: -scale, scale) }
        return m
    }
}
