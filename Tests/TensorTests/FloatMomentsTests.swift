import Testing
@testable import Tensor

/// The lane-parallel moments against a plain Double loop, and the cases the lanes must not
/// change: non-finite values anywhere in a block of eight, lengths that are not a multiple
/// of eight, constant sets.
@Suite struct FloatMomentsTests {
    /// Σx, Σx², min, max over the finite values, one value at a time.
    static func reference(_ values: [Float]) -> (sum: Double, squares: Double, min: Float, max: Float, finite: Int) {
        var sum = 0.0, squares = 0.0, low = Float.infinity, high = -Float.infinity, finite = 0
        for x in values where x.isFinite {
            sum += Double(x)
            squares += Double(x) * Double(x)
            low = min(low, x)
            high = max(high, x)
            finite += 1
        }
        return (sum, squares, low, high, finite)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 63, 1000, 200_704])
    func matchesAScalarLoop(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in rng.normalFloat(mean: 0.3, std: 2) }
        let moments = FloatMoments(values)
        let want = Self.reference(values)
        #expect(moments.count == count && moments.finiteCount == count)
        #expect(abs(moments.sumSquares - want.squares) <= 1e-12 * max(1, want.squares))
        if count > 0 {
            let mean = want.sum / Double(count)
            #expect(abs(moments.mean - mean) <= 1e-12 * max(1, abs(mean)))
            #expect(abs(moments.variance - (want.squares / Double(count) - mean * mean)) <= 1e-9)
            #expect(moments.min == want.min && moments.max == want.max)
        } else {
            #expect(moments.mean.isNaN && moments.variance.isNaN)
        }
    }

    @Test func nonFiniteValuesInsideALaneBlockAreCountedNotSummed() {
        var values: [Float] = (0..<40).map { Float($0) }
        values[3] = .nan
        values[12] = .infinity
        values[13] = -.infinity
        values[39] = .nan  // the last block of eight
        let moments = FloatMoments(values)
        let want = Self.reference(values)
        #expect(moments.nan == 2 && moments.positiveInfinity == 1 && moments.negativeInfinity == 1)
        #expect(moments.finiteCount == want.finite)
        #expect(abs(moments.mean - want.sum / Double(want.finite)) < 1e-12)
        #expect(moments.min == 0 && moments.max == 38)
    }

    @Test func aConstantSetHasZeroVarianceExactly() {
        // The unshifted E[x²] − E[x]² leaves rounding noise here; every unit of a
        // constant-initialized layer looks like this.
        for value: Float in [1, 0.1, -3.7, 1e6] {
            let moments = FloatMoments([Float](repeating: value, count: 1003))
            #expect(moments.variance == 0)
            #expect(moments.mean == Double(value))
        }
        #expect(Summary([Float](repeating: 0.1, count: 200_704)).std == 0)
    }

    @Test func aSmallSpreadFarFromZeroKeepsItsVariance() {
        // 1 + k·1e-4: E[x²] and E[x]² agree to eight digits, so the unshifted formula
        // loses most of the variance's digits in Double; the shifted one keeps them.
        let values = (0..<1000).map { 1 + Float($0 % 10) * 1e-4 }
        let exactMean = values.reduce(0.0) { $0 + Double($1) } / 1000
        let exactVariance = values.reduce(0.0) { $0 + (Double($1) - exactMean) * (Double($1) - exactMean) } / 1000
        #expect(abs(FloatMoments(values).variance - exactVariance) <= 1e-6 * exactVariance)
    }

    @Test func differencesMatchTheMaterialisedDifference() {
        var rng = SeededGenerator(seed: 5)
        let a = (0..<1001).map { _ in rng.normalFloat() }
        let b = (0..<1001).map { _ in rng.normalFloat(std: 0.01) }
        let streamed = FloatMoments(difference: a, b)
        let materialised = FloatMoments(zip(a, b).map { $0 - $1 })
        #expect(abs(streamed.mean - materialised.mean) < 1e-12)
        #expect(abs(streamed.variance - materialised.variance) < 1e-12)
        #expect(streamed.min == materialised.min && streamed.max == materialised.max)
    }

    /// `CStatsAVX`'s lanes against the SSE2 lanes: the same sums bit for bit (Equatable
    /// compares the Double sums themselves), for values and for differences, with
    /// non-finite values in some blocks and tails that are not a multiple of eight.
    @Test(arguments: [0, 7, 8, 9, 63, 1000, 200_707])
    func avxLanesEqualSSELanes(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count) + 77)
        var a = (0..<count).map { _ in rng.normalFloat(mean: 0.1, std: 3) }
        let b = (0..<count).map { _ in rng.normalFloat(std: 0.01) }
        for (k, bad) in [Float.nan, .infinity, -.infinity, -0.0].enumerated() where count > 100 {
            a[17 + 31 * k] = bad
        }
        a.withUnsafeBufferPointer { values in
            #expect(FloatMoments(values, allowsAVX: true) == FloatMoments(values, allowsAVX: false))
        }
        #expect(FloatMoments(difference: a, b, allowsAVX: true) == FloatMoments(difference: a, b, allowsAVX: false))
    }
}
