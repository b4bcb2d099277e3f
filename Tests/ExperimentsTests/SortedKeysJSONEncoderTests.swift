import Testing
import Foundation
import Datasets
import Diagnostics
@testable import Experiments
import Tensor
import TestSupport

/// `SortedKeysJSONEncoder` against Foundation's `JSONEncoder` configured as metrics.json
/// was written before it (`SortedKeysJSONEncoder.fallback`): the same bytes, for real results,
/// for hostile strings and numbers, and for every Codable shape; and the fast path taken
/// wherever the output does not need JSONEncoder.
@Suite struct SortedKeysJSONEncoderTests {
    /// Both encoders' bytes, and why the fast path would give up (nil: it does not).
    func encodings<T: Encodable>(_ value: T) throws -> (fast: Data, foundation: Data, unsupported: String?) {
        (try SortedKeysJSONEncoder.encode(value), try SortedKeysJSONEncoder.fallback(value),
         try SortedKeysJSONEncoder.unsupportedFeature(in: value))
    }

    /// The same bytes as JSONEncoder, written by the fast path itself.
    func expectSameBytesOnFastPath<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (fast, foundation, unsupported) = try encodings(value)
        #expect(unsupported == nil, sourceLocation: sourceLocation)
        #expect(fast == foundation, "\(String(decoding: fast.prefix(300), as: UTF8.self)) vs \(String(decoding: foundation.prefix(300), as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    /// A short probed udacity run: every field of a real result, probes and findings included.
    static let trained: ExperimentResult? = {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [32]
        config.probeEvery = 5
        config.initializers = ["he_normal", "zeros", "lsuv"]
        guard let data = try? FixtureData.fashionSubset() else { return nil }
        let small = DatasetSplits(train: data.train.selecting(Array(0..<400)), test: data.test.selecting(Array(0..<200)))
        return try? ExperimentRunner(config: config, data: small, jobs: 2).run()
    }()

    @Test func realResultIsWrittenByteForByteAsJSONEncoderWritesIt() throws {
        let result = try #require(Self.trained)
        #expect(result.runs.allSatisfy { $0.probes != nil } && !result.allFindings.isEmpty)
        try expectSameBytesOnFastPath(result)
        #expect(try ResultsStore.encode(result) == SortedKeysJSONEncoder.fallback(result))
    }

    /// Every optional field set, every enum case with associated values, variants, a shard,
    /// missing runs, threshold overrides (a dictionary) and hostile strings.
    @Test func everyFieldAndHostileStrings() throws {
        var result = try #require(Self.trained)
        result.config = try ConfigFileTests.parse(ConfigFileTests.everyKey)
        result.shard = try Shard(index: 2, count: 3)
        result.partial = true
        result.missingRuns = [MissingRun(id: "x\"y\\z/\u{1}", reason: "tab\there\nnewline\r\u{8}\u{c}\u{1f}\u{7f}", stepsTrained: 3, totalSteps: 9)]
        result.gitCommit = "abc/def + local changes"
        result.command = "initscope run --inits 'uniform(-1,1)' --output \"/tmp/a b\" é ü 漢字 🙂 e\u{301}"
        result.createdAt = "2026-11-29T09:00:00Z"
        result.runs[0].label = "\u{0}\u{1}\u{2}\u{b}\u{e}\u{10}\u{1a}\u{1b}\\\\\"\"//"
        result.runs[0].formula = "W ~ N(0, 2/fan_in) — √ ± ∞ \u{2028}\u{2029}\u{feff}"
        try expectSameBytesOnFastPath(result)
        for source in [DataSettings.Source.standard, .idx(folder: "/data/\"mnist\""),
                       .csv(CSVSource(train: "a.csv", test: nil, labelColumn: .name("label\n"), header: nil)),
                       .csv(CSVSource(train: "a.csv", test: "b.csv", labelColumn: .index(-1), header: true))] {
            result.config.data.source = source
            try expectSameBytesOnFastPath(result)
        }
    }

    /// Doubles and Floats across magnitudes, subnormals, ±0, NaN and ±∞, in every place a
    /// number is written: Summary's Floats, loss arrays, plain Double fields.
    @Test func numbersOfEveryKind() throws {
        var result = try #require(Self.trained)
        var generator = SeededGenerator(seed: 2026)  // reproducible: a failure names the same values again
        let special: [Double] = [0, -0.0, 1, -1, 0.1, 1e-5, 1e-4, 9.999e-5, 1e15, 1e16, 1e17, 2e16, 1e21, 1e22, 1e300,
                                 .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, Double(bitPattern: 1), Double(bitPattern: 0x000F_FFFF_FFFF_FFFF), .pi, 1.0 / 3,
                                 1.2345678901234568e17, 0.30000000000000004, .nan, .infinity, -.infinity,
                                 Double(Float.leastNonzeroMagnitude), Double(Float.greatestFiniteMagnitude), 16777216, 16777217]
        let randomDoubles = (0..<2000).map { _ in Double(bitPattern: generator.next()) }
        let randomFloats = (0..<2000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())) }
        result.runs[0].history.batchLosses = (special.map { Float($0) } + randomFloats)
        result.wallSeconds = -0.0
        result.sumOfRunSeconds = 1e-7
        try expectSameBytesOnFastPath(result)
        try expectSameBytesOnFastPath(special + randomDoubles)
        try expectSameBytesOnFastPath((special.map { Float($0) } + randomFloats))
        // One by one through keyed and single-value containers as well as arrays.
        for value in special + randomDoubles.prefix(200) {
            try expectSameBytesOnFastPath(Scalars(double: value, float: Float(value), optional: value))
            var summary = Summary([1, 2, 3], percentiles: true)
            (summary.mean, summary.std, summary.min, summary.max, summary.l2) = (value, -value, value / 3, value * 3, value)
            summary.percentiles = [value, 0, -value]
            try expectSameBytesOnFastPath(summary)
        }
    }

    /// Every Codable shape: integers of every width, optionals present and absent, nested
    /// arrays, dictionaries with awkward keys, enums with associated values, empty things.
    @Test func everyCodableShape() throws {
        try expectSameBytesOnFastPath(Scalars(double: 1, float: 2, optional: nil))
        try expectSameBytesOnFastPath(Shapes.sample)
        try expectSameBytesOnFastPath(Shapes.empty)
        try expectSameBytesOnFastPath([Shapes.sample, Shapes.empty])
        try expectSameBytesOnFastPath(["b": 1, "a": 2, "": 3, "B": 4, "ab": 5, "a b": 6, "é": 7, "z": 8, "\u{1}": 9, "~": 10])
        try expectSameBytesOnFastPath([3: "three", 1: "one", 20: "twenty"])
        // Dictionaries share one key type: keys equal to Swift's String but not in bytes
        // ("é" precomposed sorts after "f", decomposed before it) must not share an order.
        try expectSameBytesOnFastPath([["\u{e9}": 1, "f": 2], ["e\u{301}": 1, "f": 2], ["\u{e9}": 1, "f": 2]])
        try expectSameBytesOnFastPath([[Int]]())
        try expectSameBytesOnFastPath([[1, 2], [], [3]])
        try expectSameBytesOnFastPath("a top-level string \"with\" escapes\n")
        try expectSameBytesOnFastPath(42)
        try expectSameBytesOnFastPath(Int?.none)
        try expectSameBytesOnFastPath([Choice.none, .number(3), .pair(x: 1, y: "y"), .nested([.none])])
        try expectSameBytesOnFastPath(NestedByHand())
    }

    /// What JSONEncoder alone writes its own way: handed to it, so the bytes still match.
    @Test func whatOnlyJSONEncoderWritesIsLeftToIt() throws {
        let cases: [(value: any Encodable, reason: String)] = [
            (Holder(value: Date(timeIntervalSince1970: 1)), "Date"), (Holder(value: Data([1, 2, 3])), "Data"),
            (Holder(value: URL(fileURLWithPath: "/tmp/x")), "URL"), (Holder(value: Decimal(1.5)), "Decimal"),
            (KeyTwice(), "twice"), (EquivalentKeys(), "twice"), (WithSuper(), "superEncoder"),
            (InterleavedContainers(), "container"),
        ]
        for (value, expectedReason) in cases {
            let (fast, foundation, unsupported) = try encodings(value)
            #expect(fast == foundation)
            #expect(unsupported?.contains(expectedReason) == true, "\(unsupported ?? "nil")")
        }
        // A top-level value that encodes nothing: both refuse it.
        #expect(throws: EncodingError.self) { try SortedKeysJSONEncoder.encode(EncodesNothing()) }
        // Nested, it is "{}" on both sides.
        try expectSameBytesOnFastPath([EncodesNothing()])
    }
}

// MARK: - Sample types

private struct Scalars: Encodable {
    var double: Double
    var float: Float
    var optional: Double?
    var explicitNull: Double? { optional }

    enum CodingKeys: String, CodingKey { case double, float, optional, explicitNull, single }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(double, forKey: .double)
        try c.encode(float, forKey: .float)
        try c.encodeIfPresent(optional, forKey: .optional)
        try c.encode(explicitNull, forKey: .explicitNull)  // null when nil
        try c.encode(SingleValue(value: double), forKey: .single)
    }
}

private struct SingleValue: Encodable {
    var value: Double
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

private enum Choice: Encodable {
    case none
    case number(Int)
    case pair(x: Double, y: String)
    case nested([Choice])
}

private struct Shapes: Encodable {
    var int8: Int8, int16: Int16, int32: Int32, int64: Int64, uint: UInt, uint8: UInt8, uint16: UInt16
    var uint32: UInt32, uint64: UInt64, int128: Int128, uint128: UInt128
    var flags: [Bool], names: [String], floats: [Float], doubles: [Double?], nested: [[Double]]
    var dictionary: [String: [Int]], optionalString: String?, choice: Choice, zValue: Int, aValue: Int
    var sets: [Set<Int>]

    static let sample = Shapes(
        int8: .min, int16: .max, int32: -7, int64: .min, uint: .max, uint8: 255, uint16: 0, uint32: 1, uint64: .max,
        int128: .min, uint128: .max, flags: [true, false], names: ["a", "b\"", "c/d"], floats: [1, -0.0, .nan, .leastNonzeroMagnitude],
        doubles: [nil, 1, nil], nested: [[1, 2], []], dictionary: ["k2": [1], "k1": [], "K": [3]],
        optionalString: "x", choice: .pair(x: 0.5, y: "y"), zValue: 1, aValue: 2, sets: [[1]])
    static let empty = Shapes(
        int8: 0, int16: 0, int32: 0, int64: 0, uint: 0, uint8: 0, uint16: 0, uint32: 0, uint64: 0, int128: 0, uint128: 0,
        flags: [], names: [], floats: [], doubles: [], nested: [], dictionary: [:], optionalString: nil, choice: .none,
        zValue: 0, aValue: 0, sets: [])
}

/// Nested containers opened by hand, one after another from the same parent.
private struct NestedByHand: Encodable {
    enum Outer: String, CodingKey { case z, a, list, m }
    enum Inner: String, CodingKey { case y, b }
    func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: Outer.self)
        var first = outer.nestedContainer(keyedBy: Inner.self, forKey: .z)
        try first.encode(1, forKey: .y)
        try first.encode(2, forKey: .b)
        var list = outer.nestedUnkeyedContainer(forKey: .list)
        try list.encode("x")
        var inList = list.nestedContainer(keyedBy: Inner.self)
        try inList.encode(true, forKey: .y)
        try inList.encodeNil(forKey: .b)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode(3.5)
        try outer.encode("after", forKey: .a)
        var last = outer.nestedContainer(keyedBy: Inner.self, forKey: .m)
        try last.encode([1: 2], forKey: .b)
    }
}

private struct KeyTwice: Encodable {
    enum Keys: String, CodingKey { case a, b }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(1, forKey: .a)
        try c.encode(2, forKey: .b)
        try c.encode(3, forKey: .a)
    }
}

/// "é" written precomposed and decomposed: two keys in bytes, one to a Swift dictionary.
private struct EquivalentKeys: Encodable {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(1, forKey: AnyKey("\u{e9}"))
        try c.encode(2, forKey: AnyKey("e\u{301}"))
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct WithSuper: Encodable {
    enum Keys: String, CodingKey { case a }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(1, forKey: .a)
        try 7.encode(to: c.superEncoder())
    }
}

/// A parent container used again while a nested one stays in use.
private struct InterleavedContainers: Encodable {
    enum Keys: String, CodingKey { case a, b, c }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
        try c.encode(1, forKey: .b)
        try nested.encode(2, forKey: .c)
    }
}

private struct EncodesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct Holder<Value: Encodable>: Encodable {
    var value: Value
}
