import Testing
@testable import Tensor

/// Placed order statistics equal a full sort's at every requested rank.
@Suite struct OrderStatisticsTests {
    @Test(arguments: [1, 2, 25, 26, 100, 2048, 5000])
    func placedRanksMatchASort(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count))
        for duplicates in [false, true] {
            // With duplicates: half zeros and a few repeated values, as ReLU activations.
            let values: [Float] = (0..<count).map { _ in
                duplicates ? (rng.uniformFloat() < 0.5 ? 0 : Float(Int(rng.uniformFloat() * 5))) : rng.normalFloat()
            }
            let sorted = values.sorted()
            let ranks = [0, count - 1, count / 2, count / 50, (count * 84) / 100, (count * 98) / 100, count / 3]
            var placed = values
            OrderStatistics.place(ranks: ranks, in: &placed)
            for r in ranks { #expect(placed[r] == sorted[r], "rank \(r) of \(count), duplicates \(duplicates)") }
            #expect(placed.sorted() == sorted)  // a permutation of the input
        }
    }

    @Test(arguments: [256, 300, 2048])
    func radixSortOrdersFloatsAsComparisonDoes(_ count: Int) {
        var rng = SeededGenerator(seed: UInt64(count) + 7)
        let edges: [Float] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                              .leastNormalMagnitude, -.greatestFiniteMagnitude, .greatestFiniteMagnitude, 1, -1]
        let values: [Float] = (0..<count).map { i in
            i % 3 == 0 ? edges[Int(rng.uniformFloat() * Float(edges.count)) % edges.count] : rng.normalFloat() * 1e3
        }
        var sorted = values
        OrderStatistics.radixSort(&sorted)
        #expect(sorted == values.sorted())  // == takes −0 for +0; the order of all others is fixed
        #expect(sorted.map(\.bitPattern).sorted() == values.map(\.bitPattern).sorted())  // a permutation, bit for bit
        let zeros = sorted.filter { $0 == 0 }.map(\.sign)
        #expect(zeros == zeros.sorted { $0 == .minus && $1 == .plus })  // −0 before +0
        #expect(Set(zeros).count == 2)
    }

    @Test func radixSortSkipsNoNeededPass() {
        // Keys sharing their top three bytes: only the lowest byte's pass moves anything.
        var values = (0..<300).map { Float(bitPattern: 0x3F80_0000 | UInt32(($0 * 37) % 256)) }
        let want = values.sorted()
        OrderStatistics.radixSort(&values)
        #expect(values == want)
    }

    @Test func percentilesAreNumpysOnAKnownSample() {
        // numpy.percentile(range(1, 101), [0, 2, 16, 50, 84, 98, 100])
        let values = (1...100).reversed().map(Float.init)
        let got = Summary.percentiles(of: values, at: Summary.bandPercentiles)
        let want = [1, 2.98, 16.84, 50.5, 84.16, 98.02, 100]
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-4) }
    }
}
