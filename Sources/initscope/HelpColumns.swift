/// Two-column lists in `--help`: the first column as wide as its longest entry, so long
/// patterns such as `variance_scaling(s,mode,distribution)` are never cut.
enum HelpColumns {
    static func render(_ rows: [(String, String)]) -> String {
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        return rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}
