@testable import Datasets
import Tensor
import Testing

/// Byte-backed feature values read back exactly as the Float array they replace.
@Suite struct FeatureValuesTests {
    // 5 rows × 3 columns covering 0, 255 and values between.
    static let bytes: [UInt8] = [0, 1, 2, 127, 128, 129, 253, 254, 255, 17, 34, 51, 200, 100, 50]
    static let asBytes = FeatureValues(bytes: bytes, rows: 5, cols: 3, divisor: 255)
    static let asFloats = FeatureValues(Matrix(rows: 5, cols: 3, storage: bytes.map { Float($0) / 255 }))

    @Test func everyByteReadsAsItsQuotientBitForBit() {
        let all = FeatureValues(bytes: (0...255).map { UInt8($0) }, rows: 1, cols: 256, divisor: 255)
        #expect(all.matrix.storage.map(\.bitPattern) == (0...255).map { (Float($0) / 255).bitPattern })
    }

    /// The sixteen-lane division and its scalar tail give the scalar quotient bit for bit, for
    /// divisors that round, overflow to ∞ or divide by zero, at every row length around 16.
    @Test(arguments: [Float(255), 1, 3, 0.3, 7e37, 1e-38, 0])
    func rowsOfAnyLengthReadAsTheScalarQuotients(divisor: Float) {
        let pattern: [UInt8] = (0..<111).map { (i: Int) -> UInt8 in UInt8((i * 97 + 13) % 256) }
        for cols in [1, 15, 16, 17, 31, 33, 37] {
            let rows = pattern.count / cols
            let bytes = Array(pattern[..<(rows * cols)])
            let values = FeatureValues(bytes: bytes, rows: rows, cols: cols, divisor: divisor)
            let expected = bytes.map { (Float($0) / divisor).bitPattern }
            #expect(values.matrix.storage.map { $0.bitPattern } == expected,
                    "divisor \(divisor), \(cols) columns")
        }
    }

    @Test func gatherCopiesTheSameRowsFromBytesAsFromFloats() {
        let labels: [Int32] = [0, 1, 2, 0, 1]
        let fromBytes = Dataset(name: "b", source: "", values: Self.asBytes, labels: labels, classCount: 3)
        let fromFloats = Dataset(name: "f", source: "", values: Self.asFloats, labels: labels, classCount: 3)
        var a = Matrix(rows: 3, cols: 3), b = Matrix(rows: 3, cols: 3)
        var la: [Int32] = [], lb: [Int32] = []
        fromBytes.gather([4, 0, 2], into: &a, labels: &la)
        fromFloats.gather([4, 0, 2], into: &b, labels: &lb)
        #expect(a == b && la == lb && la == [1, 0, 2])
        #expect(a[0, 0] == 200 / 255 && a[2, 2] == 1)
    }

    @Test func selectingKeepsValuesAndOrder() {
        let picked = Self.asBytes.selecting([3, 1])
        #expect(picked.rows == 2 && picked.cols == 3)
        #expect(picked.matrix == Self.asFloats.selecting([3, 1]).matrix)
        #expect(picked.matrix.storage == [17, 34, 51, 127, 128, 129].map { Float($0) / 255 })
    }

    @Test func blocksVisitEveryValueOnceInRowOrder() {
        // 3 000 rows of 100 columns: more than one 64k block.
        let bytes = (0..<300_000).map { UInt8($0 % 251) }
        let values = FeatureValues(bytes: bytes, rows: 3_000, cols: 100, divisor: 255)
        var seen: [Float] = []
        var blocks = 0
        values.forEachBlock { block in
            #expect(block.count % 100 == 0)
            seen.append(contentsOf: block)
            blocks += 1
        }
        #expect(blocks > 1 && seen == bytes.map { Float($0) / 255 })
    }

    @Test func fingerprintDoesNotDependOnTheStorage() {
        let labels: [Int32] = [0, 1, 2, 0, 1]
        let b = Dataset(name: "b", source: "", values: Self.asBytes, labels: labels, classCount: 3)
        let f = Dataset(name: "f", source: "", values: Self.asFloats, labels: labels, classCount: 3)
        #expect(DatasetSplits(train: b, test: b).fingerprint == DatasetSplits(train: f, test: f).fingerprint)
    }

    @Test func aGatherAcrossManyRowsMatchesRowByRowCopies() {
        // 300 rows of 784 bytes (more than one huge page), gathered in a shuffled order: the
        // prefetching copy puts every row where a plain per-row copy does.
        let rows = 300, cols = 784
        var rng = SeededGenerator(seed: 3)
        let bytes = (0..<(rows * cols)).map { _ in UInt8(truncatingIfNeeded: Int(rng.uniformFloat() * 256)) }
        let values = FeatureValues(bytes: HugePageCopy.copy(bytes[...]), rows: rows, cols: cols, divisor: 255)
        let order = Array((0..<rows).reversed().enumerated().map { $0.offset % 2 == 0 ? $0.element : rows - 1 - $0.element })
        var gathered = [Float](repeating: -1, count: 130 * cols)
        gathered.withUnsafeMutableBufferPointer { values.copyRows(at: order[7..<137], into: $0) }
        let all = values.matrix
        for (slot, row) in order[7..<137].enumerated() {
            #expect(Array(gathered[(slot * cols)..<((slot + 1) * cols)]) == Array(all.row(row)), "slot \(slot), row \(row)")
        }
    }

    @Test(arguments: [0, 5, 4_194_304, 4_194_304 + 12_345])
    func aHugePageCopyHoldsTheSameBytes(_ count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(HugePageCopy.copy(bytes[...]) == bytes)
        #expect(HugePageCopy.copy(bytes.dropFirst(min(3, count))) == Array(bytes.dropFirst(min(3, count))))
    }
}
