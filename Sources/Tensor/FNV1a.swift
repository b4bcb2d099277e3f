/// FNV-1a, 64 bits: a fast, dependency-free fingerprint for "is this the same data / the same
/// config" checks between two metrics.json files (not a cryptographic hash).
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds each Float's IEEE-754 bits, little-endian.
    public mutating func add(floats: [Float]) {
        floats.withUnsafeBufferPointer { add(floats: $0) }
    }

    /// Adds each Float's IEEE-754 bits, little-endian.
    public mutating func add(floats: UnsafeBufferPointer<Float>) {
        for x in floats {
            var bits = x.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { add(bytes: $0) }
        }
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
