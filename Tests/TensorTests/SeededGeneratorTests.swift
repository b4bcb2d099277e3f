import Testing
import Tensor

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameSequence() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
        var c = SeededGenerator(seed: 43)
        var d = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in c.next() } != (0..<10).map { _ in d.next() })
    }

    @Test func knownFirstValuesPinTheAlgorithm() {
        // xoshiro256** seeded by SplitMix64(0): pins the documented algorithm so a silent
        // change of generator (which would move every figure in every report) fails here.
        var g = SeededGenerator(seed: 0)
        let first = (0..<3).map { _ in g.next() }
        #expect(first == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
    }

    @Test func namedStreamsDiffer() {
        var a = SeededGenerator(seed: 7, stream: "he_normal")
        var b = SeededGenerator(seed: 7, stream: "xavier_uniform")
        var c = SeededGenerator(seed: 7, stream: "he_normal", index: 1)
        let x = a.next(), y = b.next(), z = c.next()
        #expect(x != y && x != z && y != z)
    }

    @Test func uniformStaysInRangeWithRightMoments() {
        var g = SeededGenerator(seed: 1)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let u = g.uniformFloat()
            #expect(u >= 0 && u < 1)
            sum += Double(u); sumSquares += Double(u) * Double(u)
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        #expect(abs(mean - 0.5) < 0.005)
        #expect(abs(variance - 1.0 / 12.0) < 0.002)
    }

    @Test func normalHasUnitMomentsAndGaussianTails() {
        var g = SeededGenerator(seed: 2)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, sumFourth = 0.0, beyondTwo = 0
        for _ in 0..<n {
            let x = g.normal()
            sum += x; sumSquares += x * x; sumFourth += x * x * x * x
            if abs(x) > 2 { beyondTwo += 1 }
        }
        #expect(abs(sum / Double(n)) < 0.01)
        #expect(abs(sumSquares / Double(n) - 1) < 0.01)
        #expect(abs(sumFourth / Double(n) - 3) < 0.06)                 // kurtosis of N(0,1)
        #expect(abs(Double(beyondTwo) / Double(n) - 0.0455) < 0.002)   // P(|x| > 2)
    }

    @Test func shuffleIsAPermutationAndReproducible() {
        var g1 = SeededGenerator(seed: 9)
        var g2 = SeededGenerator(seed: 9)
        var a = Array(0..<1000), b = Array(0..<1000)
        a.shuffle(using: &g1); b.shuffle(using: &g2)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<1000))
        #expect(a != Array(0..<1000))
    }
}
