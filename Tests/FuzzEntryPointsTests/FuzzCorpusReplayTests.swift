import Foundation
import FuzzEntryPoints
import Testing
import TestSupport

/// Replays every curated seed (`Fixtures/fuzz/<target>/`) and every input a fuzzer once crashed
/// on (`Fixtures/fuzz/regressions/<target>/`) through the fuzz entry points in the ordinary
/// suite: a thrown error or a clean parse passes, a trap fails the whole run, as it should.
@Suite struct FuzzCorpusReplayTests {
    /// The files of one corpus folder, sorted; an absent folder has none.
    static func inputs(_ folder: String) -> [URL] {
        let url = FixturePaths.url("fuzz/\(folder)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { url.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusRunsCleanly(_ target: FuzzTarget) throws {
        let seeds = Self.inputs(target.rawValue)
        #expect(seeds.count >= 3, "Fixtures/fuzz/\(target.rawValue) should hold a seed corpus")
        for seed in seeds { target.run(Array(try Data(contentsOf: seed))) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func crashInputsNoLongerCrash(_ target: FuzzTarget) throws {
        for input in Self.inputs("regressions/\(target.rawValue)") { target.run(Array(try Data(contentsOf: input))) }
    }

    /// Inputs that are not in any corpus but every parser must survive.
    @Test(arguments: FuzzTarget.allCases)
    func degenerateInputs(_ target: FuzzTarget) {
        for bytes: [UInt8] in [[], [0], [0xFF], [0x1F, 0x8B], Array(repeating: 0, count: 4096),
                               Array(repeating: 0xFF, count: 4096), Array("\n,\"\r".utf8)] {
            target.run(bytes)
        }
    }
}
