/// A PNG file split into its chunks, read independently of the encoder under test, with a
/// bit-at-a-time CRC-32 (the PNG specification's Annex D, without the table) to check them.
struct PNGChunks {
    struct Chunk {
        let type: String
        let data: [UInt8]
        let storedCRC: UInt32
        var computedCRC: UInt32 { PNGChunks.crc32(Array(type.utf8) + data) }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    enum ParseError: Error { case noSignature, truncated(at: Int) }

    let chunks: [Chunk]

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: Self.signature) else { throw ParseError.noSignature }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw ParseError.truncated(at: offset) }
            let length = Int(Self.bigEndian(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else { throw ParseError.truncated(at: offset) }
            let type = String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self)
            let data = Array(bytes[offset + 8 ..< offset + 8 + length])
            chunks.append(Chunk(type: type, data: data, storedCRC: Self.bigEndian(bytes, at: offset + 8 + length)))
            offset += 12 + length
        }
        self.chunks = chunks
    }

    /// IHDR's fields.
    var header: (width: Int, height: Int, bitDepth: Int, colorType: Int, compression: Int, filter: Int, interlace: Int)? {
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else { return nil }
        let d = ihdr.data
        return (Int(Self.bigEndian(d, at: 0)), Int(Self.bigEndian(d, at: 4)), Int(d[8]), Int(d[9]), Int(d[10]), Int(d[11]), Int(d[12]))
    }

    static func bigEndian(_ bytes: [UInt8], at i: Int) -> UInt32 {
        UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }

    /// CRC-32, reflected polynomial 0xEDB88320, one bit at a time.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
