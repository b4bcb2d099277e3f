import Testing
@testable import Tensor

@Suite struct SummaryHistogramTests {
    @Test func summaryMatchesADirectComputation() {
        let s = Summary([1, 2, 3, 4, -2], percentiles: true)
        #expect(s.count == 5 && abs(s.mean - 1.6) < 1e-6)
        #expect(abs(s.std - 2.0591260) < 1e-6)  // population std
        #expect(s.min == -2 && s.max == 4)
        #expect(abs(s.l2 - 34.0.squareRoot()) < 1e-6)
        // numpy.percentile([-2, 1, 2, 3, 4], [0, 2, 16, 50, 84, 98, 100])
        let expected = [-2, -1.76, -0.08, 2, 3.36, 3.92, 4]
        for (got, want) in zip(s.percentiles ?? [], expected) { #expect(abs(got - want) < 1e-5) }
    }

    @Test func nonFiniteValuesAreCountedNotMixedIn() {
        let s = Summary([1, .nan, 3, .infinity, -.infinity, .nan])
        #expect(s.nan == 2 && s.positiveInfinity == 1 && s.negativeInfinity == 1 && s.nonFinite == 4)
        #expect(s.mean == 2 && s.min == 1 && s.max == 3)
        let none = Summary([Float.nan])
        #expect(none.mean.isNaN && none.count == 1)
    }

    @Test func histogramBinsAndConservesEveryValue() {
        var h = Histogram(lower: 0, upper: 1, bins: 4)
        h.add([0, 0.1, 0.25, 0.5, 0.99, 1, -0.1, 1.5, .nan, .infinity])
        #expect(h.counts == [2, 1, 1, 2])  // the upper edge belongs to the last bin
        #expect(h.underflow == 1 && h.overflow == 1 && h.nonFinite == 2)
        #expect(h.total == 10)
        #expect(h.edges == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test(arguments: [1, 7, 1000])
    func histogramConservesCountsOnRandomData(_ seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        var values = (0..<5000).map { _ in rng.normalFloat(std: 2) }
        values[17] = .nan
        var h = Histogram(lower: -3, upper: 3, bins: 60)
        h.add(values)
        #expect(h.counts.reduce(0, +) + h.underflow + h.overflow + h.nonFinite == values.count)
    }

    @Test func logMagnitudeHistogramPutsZerosInUnderflow() {
        let h = Histogram.logMagnitude(of: [0, 0, 1e-3, -1e-3, 10, .nan], lower: -4, upper: 2, bins: 6)
        #expect(h.underflow == 2 && h.nonFinite == 1)
        #expect(h.counts[1] == 2 && h.counts[5] == 1)  // log10 = −3 twice, +1 once
        #expect(h.total == 6)
    }
}

/// The four-way split counts of `Histogram.add` against one value at a time.
@Suite struct HistogramSplitCountTests {
    @Test(arguments: [0, 3, 4, 5, 4097])
    func countsEqualOneValueAtATime(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count) + 11)
        var values = (0..<count).map { _ in rng.normalFloat(std: 1.5) }
        if count > 4 { values[2] = .nan; values[3] = 3; values[4] = -3 }  // edges and a NaN
        var together = Histogram(lower: -3, upper: 3, bins: 48)
        together.add(values)
        var oneByOne = Histogram(lower: -3, upper: 3, bins: 48)
        for value in values { oneByOne.add([value]) }
        #expect(together == oneByOne)
        #expect(together.total == count)
    }

    /// The AVX kernel's branch-free slots against the SSE2 loop and one value at a time:
    /// the edges themselves and the Floats next to them, ±0, ±∞, NaN, values far outside,
    /// in every position of a block of eight and in the tail.
    @Test(arguments: [0, 7, 8, 9, 64, 4099])
    func avxSlotsEqualTheSSELoop(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count) + 5)
        let awkward: [Float] = [-3, 3, Float(-3).nextDown, Float(-3).nextUp, Float(3).nextDown, Float(3).nextUp,
                                0, -0.0, .nan, .infinity, -.infinity, 1e30, -1e30, .leastNonzeroMagnitude]
        let values = (0..<count).map { i in i % 3 == 0 ? awkward[i / 3 % awkward.count] : rng.normalFloat(std: 2.5) }
        var avx = Histogram(lower: -3, upper: 3, bins: 60)
        avx.add(values, allowsAVX: true)
        var sse = Histogram(lower: -3, upper: 3, bins: 60)
        sse.add(values, allowsAVX: false)
        var oneByOne = Histogram(lower: -3, upper: 3, bins: 60)
        for value in values { oneByOne.add([value], allowsAVX: false) }
        #expect(avx == sse)
        #expect(avx == oneByOne)
        #expect(avx.total == count)
    }
}
