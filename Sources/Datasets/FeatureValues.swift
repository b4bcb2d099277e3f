import Tensor
import CGather

/// The feature values of one split, row-major, as `Float`s or — for 8-bit sources such as IDX
/// images — as the bytes themselves with a divisor: value = Float(byte) / divisor, divided out
/// sixteen at a time when rows are copied (`initscope_bytes_to_floats`, one IEEE division per
/// value, so every value is bit for bit what a Float array of Float(byte) / divisor would
/// hold). Fashion-MNIST's 60 000 training images then take 47 MB instead of 188 MB, and a
/// batch reads a quarter of the bytes.
public struct FeatureValues: Sendable {
    public let rows: Int
    public let cols: Int
    private let storage: Storage

    private enum Storage: Sendable {
        case floats([Float])
        /// The bytes; each value is Float(byte) / divisor.
        case bytes([UInt8], divisor: Float)

        var isBytes: Bool {
            if case .bytes = self { return true }
            return false
        }
    }

    public init(_ matrix: Matrix) {
        rows = matrix.rows
        cols = matrix.cols
        storage = .floats(matrix.storage)
    }

    /// `bytes.count == rows · cols`; each value reads as Float(byte) / divisor.
    public init(bytes: [UInt8], rows: Int, cols: Int, divisor: Float) {
        precondition(bytes.count == rows * cols, "FeatureValues (\(rows), \(cols)) needs \(rows * cols) bytes, got \(bytes.count)")
        self.rows = rows
        self.cols = cols
        storage = .bytes(bytes, divisor: divisor)
    }

    /// Every value as a Float matrix: a full copy for byte storage (tests, standardisation).
    public var matrix: Matrix {
        switch storage {
        case .floats(let values): return Matrix(rows: rows, cols: cols, storage: values)
        case .bytes:
            var out = Matrix(rows: rows, cols: cols)
            out.storage.withUnsafeMutableBufferPointer { copyRows(0..<rows, into: $0) }
            return out
        }
    }

    /// Copies row `index` into `destination[0 ..< cols]`.
    func copyRow(_ index: Int, into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(index >= 0 && index < rows && destination.count >= cols,
                     "FeatureValues: row \(index) of \(rows) into a buffer of \(destination.count) for \(cols) values")
        guard let to = destination.baseAddress else { return }
        switch storage {
        case .floats(let values):
            values.withUnsafeBufferPointer { from in
                guard let from = from.baseAddress else { return }
                to.update(from: from + index * cols, count: cols)
            }
        case .bytes(let bytes, let divisor):
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                initscope_bytes_to_floats(base + index * cols, to, cols, divisor)
            }
        }
    }

    /// Copies the rows at `indices`, in that order, into consecutive rows of `destination`
    /// (at least indices.count · cols values). A batch's rows are scattered over the whole
    /// split (47 MB for Fashion-MNIST), so each row is a cache miss: the row two ahead is
    /// prefetched while this one is copied.
    func copyRows(at indices: ArraySlice<Int>, into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(destination.count >= indices.count * cols,
                     "FeatureValues: \(indices.count) rows of \(cols) into a buffer of \(destination.count)")
        let ahead = 2
        let rowBytes = cols * (storage.isBytes ? 1 : MemoryLayout<Float>.stride)
        withStorageBytes { all in
            for (slot, index) in zip(indices.indices, indices) {
                let next = slot + ahead
                if next < indices.endIndex, indices[next] >= 0, indices[next] < rows {
                    initscope_prefetch(all.baseAddress! + indices[next] * rowBytes, rowBytes)
                }
                copyRow(index, into: UnsafeMutableBufferPointer(rebasing: destination[((slot - indices.startIndex) * cols)...]))
            }
        }
    }

    /// The raw bytes of the values, whichever the storage.
    private func withStorageBytes(_ body: (UnsafeRawBufferPointer) -> Void) {
        switch storage {
        case .floats(let values): values.withUnsafeBytes(body)
        case .bytes(let bytes, _): bytes.withUnsafeBytes(body)
        }
    }

    /// Copies the consecutive rows `range` into `destination` (at least range.count · cols).
    func copyRows(_ range: Range<Int>, into destination: UnsafeMutableBufferPointer<Float>) {
        for (slot, row) in range.enumerated() {
            copyRow(row, into: UnsafeMutableBufferPointer(rebasing: destination[(slot * cols)...]))
        }
    }

    /// Calls `body` with every value in row order, a block of whole rows at a time (about
    /// 64k values), without materialising the whole split.
    public func forEachBlock(_ body: (UnsafeBufferPointer<Float>) -> Void) {
        if case .floats(let values) = storage {
            values.withUnsafeBufferPointer(body)
            return
        }
        let rowsPerBlock = max(1, 65_536 / max(cols, 1))
        var block = [Float](repeating: 0, count: rowsPerBlock * cols)
        for start in stride(from: 0, to: rows, by: rowsPerBlock) {
            let end = min(start + rowsPerBlock, rows)
            block.withUnsafeMutableBufferPointer { copyRows(start..<end, into: $0) }
            block.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<((end - start) * cols)])) }
        }
    }

    /// The rows at `indices`, in that order, in the same kind of storage.
    public func selecting(_ indices: [Int]) -> FeatureValues {
        switch storage {
        case .floats:
            var out = Matrix(rows: indices.count, cols: cols)
            out.storage.withUnsafeMutableBufferPointer { buffer in
                for (slot, index) in indices.enumerated() {
                    copyRow(index, into: UnsafeMutableBufferPointer(rebasing: buffer[(slot * cols)...]))
                }
            }
            return FeatureValues(out)
        case .bytes(let bytes, let divisor):
            var picked: [UInt8] = []
            picked.reserveCapacity(indices.count * cols)
            for index in indices {
                precondition(index >= 0 && index < rows, "FeatureValues: row \(index) outside 0..<\(rows)")
                picked.append(contentsOf: bytes[(index * cols)..<((index + 1) * cols)])
            }
            return FeatureValues(rows: indices.count, cols: cols, storage: .bytes(picked, divisor: divisor))
        }
    }

    private init(rows: Int, cols: Int, storage: Storage) {
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }
}
