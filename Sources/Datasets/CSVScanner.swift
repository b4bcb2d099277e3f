import Foundation

/// The byte-level half of the CSV reader: splits a buffer into records and fields, and parses
/// decimal numbers straight from the bytes (no `String` per cell).
///
/// Dialect (RFC 4180, leniently): fields are separated by commas; a field may be enclosed in
/// double quotes, inside which commas, line breaks and doubled quotes (`""`) are text; records
/// end with LF, CRLF or a lone CR; the last record may lack a line end; empty lines are
/// skipped. Spaces around a quoted field are ignored; spaces inside an unquoted field are kept
/// (numbers ignore them).
///
/// The scanner only lives inside a `withUnsafeBufferPointer` closure: it borrows the pointer.
struct CSVScanner {
    /// One field of the current record: `bytes[start..<end]`, without the enclosing quotes.
    struct Field {
        var start: Int
        var end: Int
        /// Enclosed in double quotes.
        var quoted: Bool
        /// Holds a doubled quote (`""`) to be read as one `"`.
        var escapedQuote: Bool
    }

    /// A quote that never closes, or text after a closing quote: 1-based line and column.
    struct BadQuote: Error {
        let line: Int
        let column: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private(set) var position: Int
    /// The 1-based line of `position`.
    private(set) var line = 1

    private static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A,
                       carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// Starts after a UTF-8 byte-order mark, if there is one.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = bom ? 3 : 0
    }

    /// Reads the next non-empty record into `fields` (replacing its contents) and returns the
    /// 1-based line it starts on; nil at the end of the buffer.
    mutating func nextRecord(into fields: inout [Field]) throws(BadQuote) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        while position < count, bytes[position] == Self.lineFeed || bytes[position] == Self.carriageReturn {
            skipLineEnd()
        }
        guard position < count else { return nil }
        let recordLine = line
        while true {
            var lookahead = position
            while lookahead < count, bytes[lookahead] == Self.space || bytes[lookahead] == Self.tab { lookahead += 1 }
            if lookahead < count, bytes[lookahead] == Self.quote {
                position = lookahead
                try readQuotedField(into: &fields)
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    position += 1
                }
                fields.append(Field(start: start, end: position, quoted: false, escapedQuote: false))
            }
            guard position < count else { return recordLine }
            if bytes[position] == Self.comma {
                position += 1
                continue
            }
            skipLineEnd()
            return recordLine
        }
    }

    /// `position` is on the opening quote; leaves it on the comma or line end after the field.
    private mutating func readQuotedField(into fields: inout [Field]) throws(BadQuote) {
        let count = bytes.count
        let column = fields.count + 1
        let openingLine = line
        position += 1
        let start = position
        var escaped = false
        while true {
            guard position < count else { throw BadQuote(line: openingLine, column: column) }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < count, bytes[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            if byte == Self.lineFeed || (byte == Self.carriageReturn
                                          && !(position + 1 < count && bytes[position + 1] == Self.lineFeed)) {
                line += 1
            }
            position += 1
        }
        fields.append(Field(start: start, end: position, quoted: true, escapedQuote: escaped))
        position += 1   // the closing quote
        while position < count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        if position < count {
            let byte = bytes[position]
            if byte != Self.comma && byte != Self.lineFeed && byte != Self.carriageReturn {
                throw BadQuote(line: line, column: column)
            }
        }
    }

    /// Steps over one LF, CRLF or lone CR.
    private mutating func skipLineEnd() {
        if bytes[position] == Self.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == Self.lineFeed {
            position += 1
        }
        position += 1
        line += 1
    }

    /// The field's text: quotes undoubled, surrounding spaces and tabs trimmed.
    func text(_ field: Field) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        let undoubled = field.escapedQuote ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
        return undoubled.trimmingCharacters(in: .whitespaces)
    }

    /// The field's text for an error message: at most 40 characters.
    func excerpt(_ field: Field) -> String {
        let full = text(field)
        return full.count <= 40 ? full : String(full.prefix(39)) + "…"
    }

    // MARK: Numbers

    enum Number: Equatable {
        case value(Float)
        /// Not a decimal number at all (empty, text, `1.2.3`, hexadecimal …).
        case notANumber
        /// `nan`, `inf`, `infinity` (any case, any sign), or beyond Float's range.
        case notFinite
    }

    /// Powers of ten exactly representable in Double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (either digit run may be empty, not both),
    /// ignoring surrounding spaces and tabs.
    ///
    /// Fast path: up to 19 significant digits in a UInt64 and a decimal exponent within ±22,
    /// combined with one exact power of ten in Double (Clinger's method: correctly rounded
    /// when the digits fit in 53 bits), then rounded to Float — so the result can differ from
    /// a correctly rounded `strtof` by one ulp in rare halfway cases. Other exponents go through
    /// Swift's `Float(String)`.
    func number(_ field: Field) -> Number {
        var index = field.start, end = field.end
        while index < end, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        while end > index, bytes[end - 1] == Self.space || bytes[end - 1] == Self.tab { end -= 1 }
        let textStart = index
        guard index < end else { return .notANumber }

        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {   // - or +
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        while index < end, bytes[index] &- 0x30 < 10 {
            sawDigit = true
            if significantDigits < 19 {
                mantissa = mantissa * 10 + UInt64(bytes[index] &- 0x30)
                if mantissa != 0 { significantDigits += 1 }
            } else {
                exponent += 1
            }
            index += 1
        }
        if index < end, bytes[index] == 0x2E {   // .
            index += 1
            while index < end, bytes[index] &- 0x30 < 10 {
                sawDigit = true
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[index] &- 0x30)
                    if mantissa != 0 { significantDigits += 1 }
                    exponent -= 1
                }
                index += 1
            }
        }
        guard sawDigit else { return special(textStart, end) }
        if index < end, bytes[index] | 0x20 == 0x65 {   // e or E
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < end, bytes[index] &- 0x30 < 10 {
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- 0x30) }
                index += 1
            }
            guard sawExponentDigit else { return .notANumber }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return .notANumber }

        if mantissa == 0 { return .value(negative ? -0.0 : 0) }
        let magnitude: Double
        if exponent == 0 {
            magnitude = Double(mantissa)
        } else if exponent >= -22 && exponent <= 22 {
            let digits = Double(mantissa)
            magnitude = exponent < 0 ? digits / Self.powersOfTen[-exponent] : digits * Self.powersOfTen[exponent]
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<end]), as: UTF8.self)
            guard let slow = Float(text) else { return .notANumber }
            return slow.isFinite ? .value(slow) : .notFinite
        }
        let value = Float(negative ? -magnitude : magnitude)
        return value.isFinite ? .value(value) : .notFinite
    }

    /// `nan`, `inf` or `infinity` with an optional sign, any case.
    private func special(_ start: Int, _ end: Int) -> Number {
        var index = start
        if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
        guard end - index <= 8 else { return .notANumber }
        var word = ""
        for position in index..<end { word.unicodeScalars.append(Unicode.Scalar(bytes[position] | 0x20)) }
        return ["nan", "inf", "infinity"].contains(word) ? .notFinite : .notANumber
    }
}
