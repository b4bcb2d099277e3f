import Testing
import Tensor

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

    @Test func percentilesAreNumpysOnAKnownSample() {
        // numpy.percentile(range(1, 101), [0, 2, 16, 50, 84, 98, 100])
        let values = (1...100).reversed().map(Float.init)
        let got = Summary.percentiles(of: values, at: Summary.bandPercentiles)
        let want = [1, 2.98, 16.84, 50.5, 84.16, 98.02, 100]
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-4) }
    }
}
