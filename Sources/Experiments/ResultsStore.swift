import Foundation

/// Reads and writes metrics.json. Writing goes through `StagedWrite` (temporary file, then rename), so a
/// failure or crash never leaves half a file; NaN and ±Inf are written as the strings "NaN",
/// "Infinity" and "-Infinity". Keys are sorted; the JSON is compact (no indentation), since
/// probes make it large and it is embedded in the report (`jq .` pretty-prints it).
public enum ResultsStore {
    /// The bytes of metrics.json: what `JSONEncoder` writes with sorted keys, "/" unescaped and
    /// non-finite numbers as strings, written by `SortedKeysJSONEncoder` (several times faster;
    /// tests compare the two byte for byte).
    public static func encode(_ result: ExperimentResult) throws(ResultsError) -> Data {
        do { return try SortedKeysJSONEncoder.encode(result) } catch { throw .encoding(String(describing: error)) }
    }

    /// Writes `metrics.json` (or `fileName`, e.g. a shard's `shard-3.json`) into `folder`
    /// (created if missing) and returns its URL.
    @discardableResult
    public static func write(_ result: ExperimentResult, toFolder folder: URL,
                             fileName: String = "metrics.json") throws(ResultsError) -> URL {
        let data = try encode(result)
        do { return try StagedWrite().write([OutputFile(name: fileName, data: data)], toFolder: folder)[0] } catch {
            throw .output(error)
        }
    }

    public static func read(_ file: URL) throws(ResultsError) -> ExperimentResult {
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw .unreadable(path: file.path, reason: Self.reason(error)) }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let result: ExperimentResult
        do { result = try decoder.decode(ExperimentResult.self, from: data) } catch {
            throw .malformed(path: file.path, reason: String(describing: error))
        }
        guard result.schemaVersion == ExperimentResult.currentSchemaVersion else {
            throw .unsupportedSchema(path: file.path, found: result.schemaVersion,
                                     expected: ExperimentResult.currentSchemaVersion)
        }
        return result
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

public enum ResultsError: Error, CustomStringConvertible, Equatable {
    case encoding(String)
    /// The file could not be written; the folder is as it was.
    case output(OutputWriteError)
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case unsupportedSchema(path: String, found: Int, expected: Int)

    public var description: String {
        switch self {
        case let .encoding(reason):
            return "Could not encode the results: \(reason). Please report this as a bug."
        case let .output(error):
            return error.description
        case let .unreadable(path, reason):
            return "Cannot read '\(path)': \(reason). Check the path to metrics.json."
        case let .malformed(path, reason):
            return "'\(path)' is not an initscope metrics file (\(reason)). Pass a metrics.json written by `initscope run`."
        case let .unsupportedSchema(path, found, expected):
            return "'\(path)' has metrics schema \(found); this initscope reads schema \(expected). Re-run `initscope run` to regenerate it."
        }
    }
}
