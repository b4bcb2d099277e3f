/// The bytes of a JSON text as `JSONByteEncoder` writes them: numbers, strings and
/// punctuation exactly as Foundation's `JSONEncoder` spells them.
///
/// A struct with mutating methods, so the encoder (a class) touches it once per value: Swift
/// checks exclusive access to a class's stored property at run time on every access, which
/// per byte would cost more than the writing.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Reused by `sortMembers`.
    private var scratch: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    var count: Int { bytes.count }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(ascii character: Unicode.Scalar) {
        bytes.append(UInt8(ascii: character))
    }

    mutating func writeNull() { append("null") }

    mutating func writeBool(_ value: Bool) { append(value ? "true" : "false") }

    mutating func writeInteger<I: FixedWidthInteger>(_ value: I) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// `description`, less a trailing ".0" ("1.0" → "1", "-0.0" → "-0", "1e-05" stays), as
    /// JSONEncoder writes it; NaN and ±∞ as the strings "NaN", "Infinity", "-Infinity".
    mutating func writeNumber<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) {
        guard value.isFinite else {
            append(value.isNaN ? "\"NaN\"" : value < 0 ? "\"-Infinity\"" : "\"Infinity\"")
            return
        }
        bytes.append(contentsOf: value.description.utf8)
        let n = bytes.count
        if n >= 2, bytes[n - 2] == UInt8(ascii: "."), bytes[n - 1] == UInt8(ascii: "0") { bytes.removeLast(2) }
    }

    /// A JSON string: `"` and `\` escaped, \b \f \n \r \t, other control characters as
    /// \u00xx (lowercase hex) — JSONEncoder's escapes; everything else, "/" and non-ASCII
    /// included, as its UTF-8 bytes.
    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Most strings need no escape: one copy.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 { writeEscaped(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x00..<0x20:
            append("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func writeArray<Element>(_ array: [Element], _ writeElement: (inout JSONText, Element) -> Void) {
        append(ascii: "[")
        for (i, element) in array.enumerated() {
            if i > 0 { append(ascii: ",") }
            writeElement(&self, element)
        }
        append(ascii: "]")
    }

    /// Rewrites the members of the object that begins (with "{") at `objectStart` and runs
    /// to the end, in the order given: `members` are the byte ranges of its `"key":value`
    /// members as written, in the order wanted. Then closes it with "}".
    mutating func rewriteObject(from objectStart: Int, members: [Range<Int>]) {
        let body = (objectStart + 1)..<bytes.count
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[body])
        bytes.removeSubrange(body)
        for (i, member) in members.enumerated() {
            if i > 0 { append(ascii: ",") }
            bytes.append(contentsOf: scratch[(member.lowerBound - body.lowerBound)..<(member.upperBound - body.lowerBound)])
        }
        append(ascii: "}")
    }
}
