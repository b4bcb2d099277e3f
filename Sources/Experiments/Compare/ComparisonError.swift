/// Why two results cannot be compared.
public enum ComparisonError: Error, CustomStringConvertible, Equatable {
    /// Both files carry a config hash and they differ; `keys` are the config keys that differ.
    case configDiffers(base: String, head: String, keys: [String])
    /// Both files carry a dataset fingerprint and they differ.
    case datasetDiffers(base: String, head: String, baseName: String, headName: String)
    /// No run id (initializer, variant, seed) is on both sides.
    case noRunInCommon(base: [String], head: [String])
    /// One side is a partial result (an interrupted run): `side` is "base" or "head".
    case partial(side: String, path: String, summary: String)

    public var description: String {
        switch self {
        case let .configDiffers(base, head, keys):
            let which = keys.isEmpty ? "" : " (they differ in \(keys.joined(separator: ", ")))"
            return "The configs differ: config hash \(base) (base) vs \(head) (head)\(which). Compare two runs of the same config, or pass --force to compare anyway."
        case let .datasetDiffers(base, head, baseName, headName):
            return "The datasets differ: fingerprint \(base) (base: \(baseName)) vs \(head) (head: \(headName)). Compare two runs on the same data, or pass --force to compare anyway."
        case let .partial(side, path, summary):
            return "The \(side) \(path) is a partial result (\(summary)). Rerun it to completion, or pass --force to compare the runs it has."
        case let .noRunInCommon(base, head):
            return "No run in common: base has \(Self.list(base)), head has \(Self.list(head)). Runs are matched by initializer, variant and seed; compare results of the same config."
        }
    }

    private static func list(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "no runs" }
        return ids.prefix(4).joined(separator: ", ") + (ids.count > 4 ? " and \(ids.count - 4) more" : "")
    }
}
