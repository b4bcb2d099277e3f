import Compression
import Datasets
import Experiments
import Foundation

/// The parsers that read bytes from outside — dataset files and config files — each as a
/// function of arbitrary bytes, for the libFuzzer drivers in `Fuzz/` (`make fuzz`) and for the
/// tests that replay the seed corpus and every input a fuzzer ever crashed on.
///
/// A thrown error is a correct answer to bad input, so `run` swallows it; a trap, a crash, a
/// hang or an allocation out of proportion to the input is a bug. Where a parse succeeds,
/// `run` also checks a property the parser promises (a round trip, a limit) and traps with
/// a message when it does not hold, so the fuzzer reports it like a crash.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `IDXReader.decode` (gzip by signature), then `parseImages` and `parseLabels`.
    case idx
    /// `Gzip.inflate` (zlib's inflate, gzip or zlib format, concatenated members).
    case gzip
    /// `CSVReader.read`; the first byte picks the header mode and the label column.
    case csv
    /// `ConfigFile.parse` of the bytes as UTF-8 YAML; a parsed config must render and parse back.
    case config

    /// Feeds `bytes` to the parser; returns normally whether the parser accepted them or threw.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .idx: Self.idx(bytes)
        case .gzip: Self.gzip(bytes)
        case .csv: Self.csv(bytes)
        case .config: Self.config(bytes)
        }
    }

    private static func idx(_ bytes: [UInt8]) {
        guard let decoded = try? IDXReader.decode(bytes, path: "fuzz-input") else { return }
        if let images = try? IDXReader.parseImages(decoded, path: "fuzz-input") {
            check(images.storage.allSatisfy { $0 >= 0 && $0 <= 1 }, "IDX pixels outside [0, 1]")
        }
        if let labels = try? IDXReader.parseLabels(decoded, path: "fuzz-input", classCount: 10) {
            check(labels.allSatisfy { $0 >= 0 && $0 < 10 }, "IDX label outside 0..<10 accepted")
        }
    }

    private static func gzip(_ bytes: [UInt8]) {
        guard let inflated = try? Gzip.inflate(bytes, path: "fuzz-input") else { return }
        // Up to 16 MB come out of a 16 KB input; checking those three more times would cost a
        // debug build seconds per input for no new paths, so the promises are checked up to 1 MB.
        guard inflated.count <= 1 << 20 else { return }
        // The output limit is exact: the same data fits in exactly its own size, not in one byte less.
        let again = try? Gzip.inflate(bytes, path: "fuzz-input", outputLimit: inflated.count)
        check(again == inflated, "inflate refused \(inflated.count) bytes under a limit of exactly \(inflated.count)")
        if !inflated.isEmpty {
            let under = try? Gzip.inflate(bytes, path: "fuzz-input", outputLimit: inflated.count - 1)
            check(under == nil, "inflate produced \(inflated.count) bytes under a limit of \(inflated.count - 1)")
        }
        let roundTrip = try? Gzip.inflate(Zlib.gzip(inflated, level: 1), path: "fuzz-roundtrip")
        check(roundTrip == inflated, "gzip then inflate did not give back \(inflated.count) bytes")
    }

    /// Byte 0 chooses among the reader's options (header auto/on/off × label column first,
    /// last or named "label"); the rest is the file.
    private static func csv(_ bytes: [UInt8]) {
        guard let options = bytes.first else { return }
        let header: Bool? = [nil, true, false][Int(options % 3)]
        let labelColumn: CSVSource.LabelColumn = [.index(0), .index(-1), .name("label")][Int(options / 3 % 3)]
        guard let dataset = try? CSVReader.read(Array(bytes.dropFirst()), path: "fuzz.csv",
                                                labelColumn: labelColumn, header: header, name: "fuzz") else { return }
        check(dataset.labels.allSatisfy { $0 >= 0 && Int($0) < dataset.classCount }, "CSV label outside its classes")
        check(dataset.features.storage.allSatisfy(\.isFinite), "CSV feature not finite")
    }

    private static func config(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self),
              let config = try? ConfigFile.parse(text, origin: "fuzz.yaml", relativeTo: nil) else { return }
        let rendered = ConfigFile.render(config)
        let reparsed: ExperimentConfig
        do {
            reparsed = try ConfigFile.parse(rendered, origin: "fuzz.yaml", relativeTo: nil)
        } catch {
            preconditionFailure("a parsed config renders as YAML that does not parse: \(error)\n\(rendered)")
        }
        check(reparsed == config, "a parsed config does not survive render → parse:\n\(rendered)")
    }

    /// A broken promise: trap, so the fuzzer saves the input.
    private static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { preconditionFailure(message()) }
    }
}
