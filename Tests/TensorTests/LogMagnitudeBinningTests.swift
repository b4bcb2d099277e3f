import Foundation
import Testing
@testable import Tensor

/// Binning log10|x| from a Float's bits against taking the logarithm. (Checked once over every
/// positive Float with this machine's libm: no mismatch; the tests sample that space.)
@Suite struct LogMagnitudeBinningTests {
    static let layouts: [(lower: Double, upper: Double, bins: Int)] = [(-12, 2, 56), (-4, 2, 6), (-45, 39, 7), (0.5, 0.75, 3)]

    @Test func everyThresholdAndItsNeighboursBinAsTheLogarithmDoes() {
        for layout in Self.layouts {
            let binning = LogMagnitudeBinning(lower: layout.lower, upper: layout.upper, bins: layout.bins)
            // Around every bin edge: the Floats whose log10 is nearest the edge, ± a few ulps.
            for k in 0...layout.bins {
                let edge = layout.lower + (layout.upper - layout.lower) * Double(k) / Double(layout.bins)
                guard edge < 38.5 && edge > -45 else { continue }
                let near = Float(pow(10, edge))
                var x = near
                for _ in 0..<4 { x = x.nextDown }
                for _ in 0..<9 {
                    let want = LogMagnitudeBinning.outcome(of: x, lower: layout.lower, upper: layout.upper, bins: layout.bins)
                    #expect(binning.outcome(of: x) == want, "\(x) in \(layout)")
                    #expect(binning.outcome(of: -x) == want)
                    x = x.nextUp
                }
            }
        }
    }

    @Test func aStrideThroughEveryPositiveFloatBinsAsTheLogarithmDoes() {
        let binning = LogMagnitudeBinning.standard
        var bits: UInt32 = 1
        var mismatches = 0
        while bits < Float.infinity.bitPattern {
            let x = Float(bitPattern: bits)
            if binning.outcome(of: x) != LogMagnitudeBinning.outcome(of: x, lower: -12, upper: 2, bins: 56) { mismatches += 1 }
            bits += 9_973
        }
        #expect(mismatches == 0)
    }

    @Test func logMagnitudeEqualsAddingTheLogarithms() {
        var rng = SeededGenerator(seed: 9)
        var values = (0..<10_000).map { _ in rng.normalFloat() * Float(pow(10, Double(rng.uniformFloat(in: -14, 4)))) }
        values += [0, -0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-12, 100]
        for layout in Self.layouts {
            var byLogs = Histogram(lower: layout.lower, upper: layout.upper, bins: layout.bins)
            let finite = values.filter { $0.isFinite && $0 != 0 }
            byLogs.add(finite.map { log10(abs($0)) })
            let fast = Histogram.logMagnitude(of: values, lower: layout.lower, upper: layout.upper, bins: layout.bins)
            #expect(fast.counts == byLogs.counts, "\(layout)")
            #expect(fast.overflow == byLogs.overflow)
            #expect(fast.underflow == byLogs.underflow + 2)  // the two zeros
            #expect(fast.nonFinite == 3)
        }
    }
}
