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

    @Test(arguments: [1, 1000, 300_000])
    func deflateWritesAZlibStreamThatInflatesBack(_ count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) }
        let packed = Zlib.deflate(bytes)
        // RFC 1950 header: deflate with a 32 KiB window (0x78), and a check value making the
        // 16-bit header a multiple of 31.
        #expect(packed[0] == 0x78 && (UInt16(packed[0]) << 8 | UInt16(packed[1])) % 31 == 0)
        #expect(try Zlib.inflate(packed, outputLimit: 1 << 24) == bytes)
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        // The CRC-32 catalogue's check value: CRC of the ASCII digits "123456789".
        #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Zlib.crc32(Array("6789".utf8), continuing: Zlib.crc32(Array("12345".utf8))) == 0xCBF4_3926)
        #expect(Zlib.crc32([]) == 0 && Zlib.crc32([], continuing: 0xCBF4_3926) == 0xCBF4_3926)
    }
}
