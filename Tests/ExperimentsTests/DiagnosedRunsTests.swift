import Testing
import Foundation
import Experiments
import Diagnostics
import TestSupport

/// The rules on real short runs of the udacity network (784-256-128-10, Adam 1e-3) on the
/// fixture subset: 2 epochs at batch 32 give 126 steps, enough for the flat-loss rule.
@Suite struct DiagnosedRunsTests {
    /// Trained once for the whole suite.
    static let shared = Result { try trainAndDiagnose() }

    static func diagnosed() throws -> ExperimentResult { try shared.get() }

    static func trainAndDiagnose() throws -> ExperimentResult {
        var config = Presets.udacity
        config.batchSize = 32
        config.initializers = ["zeros", "ones", "he_normal"]
        return try ExperimentRunner(config: config, data: try FixtureData.fashionSubset(), jobs: 2).run()
    }

    @Test func zerosOnesAndHeAreJudgedAsTheLessonSays() throws {
        let result = try Self.diagnosed()
        let findings = try #require(result.findings)
        func rules(_ initializer: String) -> Set<String> { Set(findings.filter { $0.initializer == initializer }.map(\.rule)) }
        #expect(rules("zeros").isSuperset(of: ["symmetry", "flat-loss"]))
        #expect(!rules("ones").isDisjoint(with: ["divergence", "exploding-gradient"]))
        #expect(rules("ones").contains("symmetry"))
        let he = findings.filter { $0.initializer == "he_normal" && $0.severity >= .warning }
        #expect(he.isEmpty, "He: \(he.map { "\($0.rule) \($0.place): \($0.evidenceText)" })")
        // zeros and ones are expected to fail in the udacity preset: CI stays green.
        #expect(findings.filter { $0.initializer != "he_normal" }.allSatisfy { $0.expected })
        #expect(FailOn.warning.failing(findings).isEmpty)
    }

    @Test func findingsSurviveMetricsJSONAndOldFilesAreDiagnosedOnRead() throws {
        let result = try Self.diagnosed()
        let folder = try FixturePaths.temporaryDirectory()
        let file = try ResultsStore.write(result, toFolder: folder)
        #expect(try ResultsStore.read(file).findings == result.findings)
        var old = result
        old.findings = nil
        #expect(old.allFindings == result.findings)
    }
}
