/// Two-column lists in `--help`: the first column as wide as its longest entry, so long
/// patterns such as `variance_scaling(s,mode,distribution)` are never cut, and summaries
/// wrapped under their own column so no line passes `width` (ArgumentParser would re-wrap
/// longer ones from the left margin).
enum HelpColumns {
    static func render(_ rows: [(String, String)], width: Int = 78) -> String {
        let first = (rows.map(\.0.count).max() ?? 0) + 2
        let room = max(20, width - 2 - first)
        return rows.map { name, summary in
            let lines = wrap(summary, room)
            let indent = String(repeating: " ", count: 2 + first)
            return "  " + name.padding(toLength: first, withPad: " ", startingAt: 0) + lines[0]
                + lines.dropFirst().map { "\n" + indent + $0 }.joined()
        }.joined(separator: "\n")
    }

    /// Words of `text` in lines of at most `room` characters (a longer word gets its own line).
    static func wrap(_ text: String, _ room: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > room {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}
