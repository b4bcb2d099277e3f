import Testing
import Compression

@Suite struct ZlibRoundTripTests {
    @Test(arguments: [0, 1, 1000, 300_000])
    func gzipThenInflateGivesTheBytesBack(_ count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) }
        let packed = Zlib.gzip(bytes)
        #expect(Array(packed.prefix(2)) == [0x1F, 0x8B])
        if count == 0 { return }  // an empty input inflates to .empty by design
        #expect(try Zlib.inflate(packed, outputLimit: 1 << 24) == bytes)
    }
}
