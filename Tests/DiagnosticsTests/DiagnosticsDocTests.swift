import Testing
import Foundation
import Diagnostics
import TestSupport

/// docs/diagnostics.md documents every rule and every threshold with its default.
@Suite struct DiagnosticsDocTests {
    @Test func everyRuleAndThresholdIsDocumented() throws {
        let doc = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for rule in Diagnostician.rules { #expect(doc.contains("| `\(rule.id)` |"), "rule \(rule.id) undocumented") }
        for entry in Thresholds.catalogue { #expect(doc.contains("| `\(entry.key)` |"), "threshold \(entry.key) undocumented") }
    }
}
