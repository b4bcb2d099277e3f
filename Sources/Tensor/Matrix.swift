/// A dense row-major matrix of `Float`.
///
/// Element `(r, c)` lives at `storage[r * cols + c]`. Weights use PyTorch's layout
/// `(fanOut, fanIn)`: row `j` holds the incoming weights of unit `j`.
/// All products go through `cblas_sgemm` (see `Matrix+BLAS.swift`); a naive reference
/// lives in `Matrix+Reference.swift` for tests.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    /// Row-major elements; `storage.count == rows * cols` always holds.
    public var storage: [Float]

    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative, got (\(rows), \(cols))")
        self.rows = rows
        self.cols = cols
        self.storage = [Float](repeating: value, count: rows * cols)
    }

    public init(rows: Int, cols: Int, storage: [Float]) {
        precondition(storage.count == rows * cols,
                     "Matrix (\(rows), \(cols)) needs \(rows * cols) elements, got \(storage.count)")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// Builds a matrix from nested rows (tests and small examples).
    public init(_ nested: [[Float]]) {
        let cols = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == cols }, "Matrix rows must all have \(cols) columns")
        self.init(rows: nested.count, cols: cols, storage: nested.flatMap { $0 })
    }

    public var count: Int { storage.count }
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    public subscript(row: Int, col: Int) -> Float {
        get { storage[row * cols + col] }
        set { storage[row * cols + col] = newValue }
    }

    /// The elements of one row.
    public func row(_ r: Int) -> ArraySlice<Float> {
        storage[(r * cols)..<((r + 1) * cols)]
    }

    public func transposed() -> Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for r in 0..<rows {
            for c in 0..<cols { out.storage[c * rows + r] = storage[r * cols + c] }
        }
        return out
    }

    /// Largest absolute element-wise difference; shapes must match.
    public func maxAbsDifference(_ other: Matrix) -> Float {
        precondition(rows == other.rows && cols == other.cols,
                     "maxAbsDifference needs equal shapes, got (\(rows), \(cols)) and (\(other.rows), \(other.cols))")
        var worst: Float = 0
        for i in 0..<storage.count { worst = max(worst, abs(storage[i] - other.storage[i])) }
        return worst
    }

    /// True when every element is finite (no NaN, no ±Inf).
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }
}
