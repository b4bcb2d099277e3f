import Testing
@testable import Diagnostics

@Suite struct ThresholdsTests {
    @Test func defaultsComeFromTheCatalogueAndOverridesApply() throws {
        var thresholds = Thresholds.defaults
        #expect(thresholds["dead-units.share"] == 0.5)
        try thresholds.apply("dead-units.share=0.3")
        #expect(thresholds["dead-units.share"] == 0.3)
        #expect(thresholds.overrides == ["dead-units.share": 0.3])
    }

    @Test func everyRuleHasItsThresholdsInTheCatalogue() {
        let keys = Set(Thresholds.catalogue.map(\.key))
        for rule in Diagnostician.rules {
            #expect(keys.contains { $0.hasPrefix(rule.id + ".") }, "no threshold for \(rule.id)")
        }
    }

    @Test(arguments: [
        ("dead-unit.share=0.3", "Did you mean 'dead-units.share'?"),
        ("dead-units.share", "is not rule.key=value"),
        ("dead-units.share=abc", "'abc' is not a finite number"),
        ("dead-units.share=-1", "is not a finite number ≥ 0"),
    ])
    func badSettingsAreRefusedWithTheFix(_ setting: String, _ message: String) {
        var thresholds = Thresholds.defaults
        #expect { try thresholds.apply(setting) } throws: { error in
            "\(error)".contains(message)
        }
    }
}
