/// Finds YAML aliases (`*name`) in config text before Yams composes it, so the reader can
/// refuse them: Yams resolves an alias to the anchored node itself and hashes every mapping
/// key whole to find duplicates, so a dozen lines of anchors that alias each other ten times
/// over ("billion laughs"), used once as a key, make composing run for hours (found with the
/// config fuzz target's timeout, #9). Configs have no use for aliases, and nothing documents them.
///
/// A lexical scan, erring towards finding an alias: a `*` followed by a name counts wherever
/// a node may start — at the start of a line's content, after `[`, `{`, `,` or `:`, or after
/// a block `-`/`?` indicator. Only quoted scalars that start where a node may start and end
/// on the same line are skipped (no alias can be inside one). Comments and block scalars are
/// scanned like the rest, so `# see [*x]` counts too: skipping them by a lexer's guess could
/// hide a real alias from this check, and a false alarm only asks for a rewording.
enum YAMLAliasScan {
    struct Alias: Equatable {
        /// 1-based, as Yams' marks.
        let line: Int
        let column: Int
        let name: String
    }

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    private static let star = UInt8(ascii: "*"), singleQuote = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""),
                       backslash = UInt8(ascii: "\\"), dash = UInt8(ascii: "-"), question = UInt8(ascii: "?"),
                       colon = UInt8(ascii: ":")
    /// After these a node may start, whatever came before on the line.
    private static let flowIndicators: [UInt8] = Array("[{,:".utf8)
    /// Whatever follows a `*` up to one of these may be taken for an alias name (libyaml reads
    /// fewer characters, and errors on the rest).
    private static let nameEnds: [UInt8] = Array(" \t\r\n,[]{}".utf8)

    /// The first alias in `text`, or nil when it has none.
    static func firstAlias(in text: String) -> Alias? {
        let bytes = Array(text.utf8)
        let count = bytes.count
        var i = 0
        var line = 1
        var lineStart = 0
        // The last byte of the line that was not blank (nil: only indentation so far), where
        // it was, and whether the line holds nothing but block indicators (`- - ? `) yet.
        var previous: UInt8?
        var previousIndex = 0
        var indicatorsOnly = true
        while i < count {
            let byte = bytes[i]
            if byte == lineFeed || byte == carriageReturn {
                if byte == carriageReturn, i + 1 < count, bytes[i + 1] == lineFeed { i += 1 }
                i += 1
                line += 1
                lineStart = i
                previous = nil
                indicatorsOnly = true
                continue
            }
            if byte == space || byte == tab {
                i += 1
                continue
            }
            var nodeMayStart = true
            if let previous {
                let blankBetween = previousIndex + 1 < i
                nodeMayStart = flowIndicators.contains(previous)
                    || (indicatorsOnly && blankBetween && (previous == dash || previous == question))
            }
            if nodeMayStart, byte == star, i + 1 < count, !nameEnds.contains(bytes[i + 1]) {
                // The name as libyaml reads it: letters, digits, `_` and `-`.
                var end = i + 1
                while end < count, isNameByte(bytes[end]) { end += 1 }
                if end == i + 1 { while end < count, !nameEnds.contains(bytes[end]) { end += 1 } }
                return Alias(line: line, column: i - lineStart + 1,
                             name: String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
            }
            if nodeMayStart, byte == singleQuote || byte == doubleQuote, let close = closingQuote(bytes, from: i) {
                previous = byte
                previousIndex = close
                indicatorsOnly = false
                i = close + 1
                continue
            }
            if !(byte == dash || byte == question || byte == colon) { indicatorsOnly = false }
            previous = byte
            previousIndex = i
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == dash
    }

    /// The index of the quote that closes the quoted scalar opening at `open`, if it closes on
    /// the same line (`''` inside single quotes and `\"` inside double quotes do not close).
    private static func closingQuote(_ bytes: [UInt8], from open: Int) -> Int? {
        let quote = bytes[open]
        var i = open + 1
        while i < bytes.count, bytes[i] != lineFeed, bytes[i] != carriageReturn {
            if quote == doubleQuote, bytes[i] == backslash {
                if i + 1 < bytes.count, bytes[i + 1] == lineFeed || bytes[i + 1] == carriageReturn { return nil }
                i += 2
                continue
            }
            if bytes[i] == quote {
                if quote == singleQuote, i + 1 < bytes.count, bytes[i + 1] == singleQuote {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }
}
