@testable import Tensor
import Testing

/// FNV-1a, and its shortcut for runs of +0 floats, against the byte-at-a-time definition.
@Suite struct FNV1aTests {
    /// The definition: every byte xored in, then multiplied by the prime.
    static func byteByByte(_ floats: [Float]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in floats {
            var bits = x.bitPattern
            for _ in 0..<4 {
                hash = (hash ^ UInt64(bits & 0xFF)) &* 0x0000_0100_0000_01b3
                bits >>= 8
            }
        }
        return hash
    }

    static func hash(_ floats: [Float]) -> UInt64 {
        var fnv = FNV1a()
        fnv.add(floats: floats)
        return fnv.value
    }

    @Test func publishedTestVectors() {
        for (text, expected) in [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")] {
            var fnv = FNV1a()
            fnv.add(bytes: Array(text.utf8))
            #expect(fnv.hex == expected, "\(text)")
        }
    }

    @Test func primePowerIsRepeatedMultiplication() {
        var power: UInt64 = 1
        for exponent in 0..<300 {
            #expect(FNV1a.primePower(exponent) == power, "prime^\(exponent)")
            power = power &* FNV1a.prime
        }
    }

    @Test(arguments: [0, 1, 2, 5, 16, 1_000])
    func zeroRunsOfEveryPlacementHashAsTheirBytes(length: Int) {
        let zeros = [Float](repeating: 0, count: length)
        let cases: [[Float]] = [
            zeros,
            [1] + zeros, zeros + [1], [0.5] + zeros + [-2],
            zeros + [3] + zeros,
            [-0.0] + zeros + [-0.0],           // −0 is 0x80000000: not a zero run
            zeros + [.nan, .infinity, .leastNonzeroMagnitude] + zeros,
        ]
        for floats in cases {
            #expect(Self.hash(floats) == Self.byteByByte(floats), "\(floats.count) floats")
        }
    }

    @Test func imageLikeDataHashesAsItsBytes() {
        // Pixel quotients with runs of zeros of random lengths, as in MNIST-family images.
        var generator = SeededGenerator(seed: 7)
        var floats: [Float] = []
        while floats.count < 50_000 {
            let zeros = Int(generator.next() % 40)
            floats += [Float](repeating: 0, count: zeros)
            let pixels = Int(generator.next() % 20)
            floats += (0..<pixels).map { _ in Float(generator.next() % 256) / 255 }
        }
        #expect(Self.hash(floats) == Self.byteByByte(floats))
        // Split anywhere, even inside a run of zeros, the hash is the same.
        var split = FNV1a()
        split.add(floats: Array(floats[..<12_345]))
        split.add(floats: Array(floats[12_345...]))
        #expect(split.value == Self.byteByByte(floats))
    }
}
