import Testing
import Tensor
@testable import Probes

/// The eight-lane counts against the scalar rules they replace, on values that stress the
/// rules' edges: exact ±0, the bound ± 1 ulp, NaN and ±∞, and sizes that leave a tail.
@Suite struct ActivationCountsTests {
    static let edges: [Float] = [0, -0.0, 1e-6, -1e-6, Float(1e-6).nextUp, Float(1e-6).nextDown, -Float(1e-6).nextDown,
                                 .nan, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 3, -3]

    static func values(count: Int, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: edges.randomElement(using: &rng)!
            case 1: 0  // ReLU's exact zeros
            default: Float.random(in: -2e-6...2e-6, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e6)
            }
        }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 255, 256, 32_771])
    func nearZeroCountsWhatTheScalarRuleCounts(count: Int) {
        let v = Self.values(count: count, seed: UInt64(count))
        #expect(ActivationCounts.nearZero(v, below: 1e-6) == v.filter { abs($0) < 1e-6 }.count)
    }

    @Test(arguments: [(1, 1), (3, 7), (5, 8), (128, 256), (17, 131), (2, 0), (0, 9)])
    func neverPositiveColumnsCountWhatTheScalarRuleCounts(rows: Int, cols: Int) {
        var a = Matrix(rows: rows, cols: cols)
        // Sparse positives, so that many columns stay inactive and some hold one positive only.
        var rng = SeededGenerator(seed: UInt64(rows * 1000 + cols))
        for r in 0..<rows {
            for c in 0..<cols {
                a[r, c] = Int.random(in: 0..<(3 * rows + 1), using: &rng) == 0 ? Float.random(in: 0.1...1, using: &rng)
                    : Self.edges.filter { !($0 > 0) }.randomElement(using: &rng)!
            }
        }
        let scalar = (0..<cols).filter { c in !(0..<rows).contains { a[$0, c] > 0 } }.count
        #expect(ActivationCounts.neverPositiveColumns(a) == scalar)
    }

    @Test func aColumnActiveInItsLastRowOnlyIsActive() {
        var a = Matrix(rows: 4, cols: 12)
        a[3, 0] = 1; a[3, 9] = 1e-30; a[0, 11] = .infinity; a[2, 5] = .nan
        // Active: columns 0, 9 and 11 (+∞ > 0); NaN is not > 0.
        #expect(ActivationCounts.neverPositiveColumns(a) == 9)
    }
}
