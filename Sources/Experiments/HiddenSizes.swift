/// Hidden-layer widths as a user writes them, input side first: `256,128` is
/// 784-256-128-10 on Fashion-MNIST (`--hidden-sizes`).
public enum HiddenSizes {
    /// Reads `256,128`: whole numbers ≥ 1 separated by commas, spaces ignored.
    public static func parse(_ text: String) throws(ConfigError) -> [Int] {
        let parts = text.filter { !$0.isWhitespace }.split(separator: ",", omittingEmptySubsequences: false)
        var widths: [Int] = []
        for part in parts {
            guard let width = Int(part), width >= 1 else {
                throw .invalid(key: "hidden_sizes", value: "'\(text)'",
                               fix: "'\(part)' is not a width; give whole numbers ≥ 1 separated by commas, e.g. --hidden-sizes 256,128")
            }
            widths.append(width)
        }
        return widths
    }

    /// `256,128`, as `parse` reads it back.
    public static func format(_ widths: [Int]) -> String {
        widths.map(String.init).joined(separator: ",")
    }
}
