import Testing
import Diagnostics
@testable import initscope

@Suite struct FindingsListTests {
    func finding(layer: Int, run: String = "lecun_normal@depth-32#seed0", step: Int = 33, rule: String = "exploding-gradient") -> Finding {
        Finding(rule: rule, severity: .error, runID: run, initializer: "lecun_normal", layer: layer, firstStep: step, lastStep: step,
                evidence: [Evidence("non-finite ∂L/∂W values", Double(layer))], threshold: Threshold(key: "x", value: 1),
                explanation: "", expected: false)
    }

    /// Layers 1–3 of one run at one step are one line; another run, rule or step starts a new one.
    @Test func consecutiveLayersOfOneRunAreOneLine() {
        let findings = [finding(layer: 1), finding(layer: 2), finding(layer: 3), finding(layer: 5),
                        finding(layer: 6, run: "orthogonal#seed0"), finding(layer: 7, step: 40), finding(layer: 8, rule: "divergence")]
        #expect(FindingsList.layerRuns(findings).map { $0.compactMap(\.layer) } == [[1, 2, 3], [5], [6], [7], [8]])
        let text = FindingsList.render(findings)
        #expect(text.contains("lecun_normal@depth-32#seed0, layers 1–3, step 33: non-finite ∂L/∂W values = 1 (layer 1; alike in the others)"))
        #expect(text.split(separator: "\n").count == 6)
    }
}
