import Foundation

/// Compact JSON with sorted keys: byte for byte what Foundation's `JSONEncoder` writes with
/// `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` and non-finite numbers as the
/// strings "Infinity", "-Infinity" and "NaN" — the metrics.json format — in a fraction of
/// the time.
///
/// Why it is faster: `JSONEncoder` first builds a tree of every value (a class and a
/// dictionary per object), then sorts and writes it. This encoder writes each value's bytes
/// straight into one buffer, in the order `encode(to:)` produces them; when an object ends,
/// its members — already written, each one `"key":value` — are put in key order by copying
/// their byte ranges (`closeObject`). No tree: nothing is allocated per number or string.
///
/// It writes exactly what `JSONEncoder` writes:
/// - numbers through the same `description` (and the same trailing ".0" dropped);
/// - strings with the same escapes (`"`, `\`, \b \f \n \r \t, other controls as \u00xx;
///   "/" and non-ASCII as they are);
/// - keys sorted by their UTF-8 bytes, as swift-foundation sorts them on Linux.
///
/// Whatever it does not handle the same way it leaves to `JSONEncoder` (`fallback`): a
/// container used again after a nested container was opened after it (synthesized enum
/// coding opens one nested container and is done), super-encoders, `Date`, `Data`, `URL`,
/// `Decimal` (Foundation writes those its own way), an object that encodes a key twice, and
/// a top-level value that encodes nothing. The result is then `JSONEncoder`'s, only slower.
/// Not carried over: `codingPath` is always empty (no initscope type reads it).
public enum SortedKeysJSONEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let writer = JSONByteEncoder()
        try writer.write(value)
        if writer.unsupported != nil { return try fallback(value) }
        return Data(writer.text.bytes)
    }

    /// Why the fast path would hand `value` to `JSONEncoder` (nil: it writes it itself). For tests.
    static func unsupportedFeature<T: Encodable>(in value: T) throws -> String? {
        let writer = JSONByteEncoder()
        try writer.write(value)
        return writer.unsupported
    }

    /// `JSONEncoder` configured the way this encoder writes.
    public static func fallback<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }
}

