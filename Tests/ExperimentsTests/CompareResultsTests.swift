import Testing
import Foundation
@testable import Experiments
@testable import Probes
import Diagnostics
import Training
import Tensor

/// A synthetic single-seed experiment, no training: he_normal and xavier_uniform learn
/// (85% accuracy), zeros stays at chance and is expected to fail. Every run has three
/// probed layers whose final weight-gradient norms are 1, 0.5 and 0.1.
private func experiment(initializers: [String] = ["he_normal", "xavier_uniform", "zeros"]) -> ExperimentResult {
    var config = Presets.udacity
    config.initializers = initializers
    config.seeds = [0]
    config.expectedFailures = ["zeros"]
    let runs = initializers.map { initializer -> RunResult in
        var history = TrainingHistory()
        history.batchLosses = (1...20).map { Float(2.3 / Double($0)) }
        history.epochs = [EpochRecord(epoch: 1, trainLoss: 1, testLoss: initializer == "zeros" ? 2.3 : 0.4,
                                      testAccuracy: initializer == "zeros" ? 0.1 : 0.85, trainSeconds: 1)]
        return RunResult(id: "\(initializer)#seed0", initializer: initializer, label: initializer, formula: "",
                         seed: 0, layerSizes: [784, 256, 128, 10], history: history,
                         probes: probes(gradientNorms: [1, 0.5, 0.1]), seconds: 2)
    }
    var result = ExperimentResult(
        createdAt: "2026-11-23T12:00:00Z", config: config,
        dataset: DatasetInfo(name: "Fashion-MNIST", source: "/data", trainExamples: 2000, testExamples: 500, features: 784,
                             classes: 10, fingerprint: "0123456789abcdef"),
        machine: MachineInfo(cpu: "Test CPU", logicalCores: 2, operatingSystem: "Debian", blasCore: "Haswell",
                             blasConfiguration: "OpenBLAS", blasThreadsPerRun: 1, jobs: 2),
        runs: runs, wallSeconds: 3, sumOfRunSeconds: 6, gitCommit: "aaaaaaaaaaaa")
    result.findings = []
    return result
}

/// Probes whose last snapshot's weight gradient has L2 norm `norms[l]` in layer l.
private func probes(gradientNorms norms: [Double]) -> RunProbes {
    let sizes = [784, 256, 128, 10]
    let layers = norms.enumerated().map { index, norm -> LayerTrace in
        let snapshots = [0, 10].map { step in
            LayerSnapshot(step: step, weight: Summary([0.1]), bias: Summary([0]), distanceFromInit: 0,
                          preActivation: Summary([0.1]), activation: Summary([0.1]), activationGradient: Summary([0.01]),
                          weightGradient: Summary([Float(step == 0 ? 7 : norm)]), deadFraction: 0, saturatedFraction: nil,
                          nearZeroFraction: 0, gradientToData: 0.01, updateToData: nil,
                          symmetry: SymmetryStats(maxCosine: 0.1, identicalUnits: 0), trainingBatch: nil)
        }
        return LayerTrace(index: index, fanIn: sizes[index], fanOut: sizes[index + 1], output: "relu",
                          snapshots: snapshots, histograms: [])
    }
    return RunProbes(probeEvery: 10, probeBatchSize: 4, layers: layers)
}

private func finding(_ rule: String, _ severity: Severity, run: String, layer: Int? = 1, evidence: Double = 1) -> Finding {
    Finding(rule: rule, severity: severity, runID: run, initializer: String(run.prefix { $0 != "#" }), layer: layer,
            firstStep: 0, lastStep: 10, evidence: [Evidence("value", evidence)],
            threshold: Threshold(key: "\(rule).limit", value: 0.5), explanation: "Something about \(rule).")
}

private func index(_ result: ExperimentResult, _ id: String) -> Int {
    result.runs.firstIndex { $0.id == id }!
}

@Suite struct CompareResultsTests {
    @Test func identicalResultsPassWithNothingToReport() throws {
        let c = try ResultComparison.compare(base: experiment(), head: experiment())
        #expect(c.passes && c.runs.count == 3 && c.added.isEmpty && c.removed.isEmpty)
        #expect(c.notes.isEmpty && c.warnings.isEmpty)
        for run in c.runs {
            #expect(run.accuracyDelta == 0 && run.lossDelta == 0 && run.secondsDelta == 0 && run.secondsRatio == 1)
            #expect(run.newFindings.isEmpty && run.resolvedFindings.isEmpty && run.regressions.isEmpty)
            #expect(run.gradientShifts.map(\.ratio) == [1, 1, 1] && run.flaggedShifts.isEmpty)
        }
        #expect(c.verdict.hasPrefix("✔ No regression in 3 matched run(s)"))
    }

    @Test func accuracyDropBeyondTheToleranceRegresses() throws {
        let base = experiment()
        var head = experiment()
        head.runs[index(head, "he_normal#seed0")].history.epochs[0].testAccuracy = 0.835  // −1.5 points
        head.runs[index(head, "xavier_uniform#seed0")].history.epochs[0].testAccuracy = 0.84  // exactly −1 point
        let c = try ResultComparison.compare(base: base, head: head)
        #expect(!c.passes)
        #expect(c.failing.map(\.run.id) == ["he_normal#seed0"])
        let he = try #require(c.runs.first { $0.run.id == "he_normal#seed0" })
        #expect(he.regressions == [.accuracyDrop(from: 0.85, to: 0.835, tolerance: 0.01)])
        #expect(abs((he.accuracyDelta ?? 0) + 0.015) < 1e-12)
        #expect(c.verdict.hasPrefix("✖ 1 of 3 matched run(s) regressed"))

        let lenient = try ResultComparison.compare(base: base, head: head, options: ComparisonOptions(maxAccuracyDrop: 0.02))
        #expect(lenient.passes)
        // Accuracy that goes up never regresses.
        head.runs[index(head, "he_normal#seed0")].history.epochs[0].testAccuracy = 0.95
        #expect(try ResultComparison.compare(base: base, head: head).passes)
    }

    @Test func divergingInHeadOnlyRegresses() throws {
        var base = experiment()
        var head = experiment()
        head.runs[index(head, "he_normal#seed0")].history.divergedAtStep = 40
        let c = try ResultComparison.compare(base: base, head: head)
        #expect(c.failing.first?.regressions == [.diverged(atStep: 40)])
        // Diverging on both sides is not new.
        base.runs[index(base, "he_normal#seed0")].history.divergedAtStep = 12
        #expect(try ResultComparison.compare(base: base, head: head).passes)
    }

    @Test func lostAccuracyRegresses() throws {
        var head = experiment()
        head.runs[index(head, "he_normal#seed0")].history.epochs = []
        let c = try ResultComparison.compare(base: experiment(), head: head)
        #expect(c.failing.first?.regressions == [.accuracyLost(from: 0.85)])
    }

    @Test func newErrorFindingRegressesAndOthersAreListed() throws {
        var base = experiment()
        var head = experiment()
        base.findings = [finding("dead-units", .warning, run: "he_normal#seed0", evidence: 0.4),
                         finding("saturation", .info, run: "xavier_uniform#seed0", layer: 2)]
        head.findings = [finding("dead-units", .warning, run: "he_normal#seed0", evidence: 0.6),  // same key: not new
                         finding("symmetry", .error, run: "he_normal#seed0"),
                         finding("exploding-gradients", .warning, run: "xavier_uniform#seed0", layer: 3),
                         finding("saturation", .warning, run: "xavier_uniform#seed0", layer: 2)]  // severity changed
        let c = try ResultComparison.compare(base: base, head: head)
        let he = try #require(c.runs.first { $0.run.id == "he_normal#seed0" })
        #expect(he.newFindings.map(\.rule) == ["symmetry"] && he.resolvedFindings.isEmpty)
        #expect(he.regressions == [.newError(rule: "symmetry", place: "layer 1")])
        let xavier = try #require(c.runs.first { $0.run.id == "xavier_uniform#seed0" })
        #expect(xavier.newFindings.map(\.rule) == ["exploding-gradients", "saturation"])
        #expect(xavier.resolvedFindings.map(\.severity) == [.info])
        #expect(xavier.regressions.isEmpty, "warnings are shown, not failing")
        #expect(c.failing.map(\.run.id) == ["he_normal#seed0"])

        // The other way round the error is resolved, and nothing fails.
        let back = try ResultComparison.compare(base: head, head: base)
        #expect(back.passes)
        #expect(back.runs.flatMap(\.resolvedFindings).map(\.rule).contains("symmetry"))
    }

    @Test func runsExpectedToFailNeverFail() throws {
        var head = experiment()
        let zeros = index(head, "zeros#seed0")
        head.runs[zeros].history.epochs[0].testAccuracy = 0.05
        head.runs[zeros].history.divergedAtStep = 3
        head.findings = [finding("symmetry", .error, run: "zeros#seed0")]
        let c = try ResultComparison.compare(base: experiment(), head: head)
        let run = try #require(c.runs.first { $0.run.id == "zeros#seed0" })
        #expect(run.expectsFailure && run.regressions.count == 3 && !run.fails)
        #expect(c.passes)
    }

    @Test func runsOnOneSideOnlyAreListed() throws {
        let base = experiment(initializers: ["he_normal", "zeros"])
        let head = experiment(initializers: ["lecun_normal", "he_normal"])
        let c = try ResultComparison.compare(base: base, head: head, options: ComparisonOptions(force: true))
        #expect(c.runs.map(\.run.id) == ["he_normal#seed0"])
        #expect(c.added.map(\.id) == ["lecun_normal#seed0"] && c.removed.map(\.id) == ["zeros#seed0"])
        #expect(c.passes)
    }

    @Test func aPartialSideIsRefusedUnlessForced() throws {
        var head = experiment()
        head.runs.removeLast()
        head.partial = true
        head.missingRuns = [MissingRun(id: "zeros#seed0", reason: "interrupted (SIGINT)", stepsTrained: 12, totalSteps: 40)]
        do { _ = try ResultComparison.compare(base: experiment(), head: head, headPath: "head/metrics.json"); Issue.record("compared") } catch {
            #expect(error == .partial(side: "head", path: "head/metrics.json", summary: "interrupted (SIGINT): 2 of 3 runs finished; missing zeros#seed0 (stopped at step 12 of 40)"))
            #expect(error.description.hasPrefix("The head head/metrics.json is a partial result (interrupted (SIGINT): 2 of 3 runs finished;"))
            #expect(error.description.hasSuffix("Rerun it to completion, or pass --force to compare the runs it has."))
        }
        let forced = try ResultComparison.compare(base: head, head: experiment(), options: ComparisonOptions(force: true))
        #expect(forced.warnings.contains { $0.hasPrefix("The base is a partial result") && $0.contains("listed as added") })
        #expect(forced.added.map(\.id) == ["zeros#seed0"])
    }

    @Test func noRunInCommonIsRefused() {
        var head = experiment()
        for i in head.runs.indices { head.runs[i].id += "-renamed" }
        #expect(throws: ComparisonError.self) { try ResultComparison.compare(base: experiment(), head: head) }
        do { _ = try ResultComparison.compare(base: experiment(), head: head); Issue.record("compared") } catch {
            #expect(error.description.hasPrefix("No run in common: base has he_normal#seed0"))
        }
    }

    @Test func gradientShiftsBeyondFactorTwoAreFlaggedButDoNotFail() throws {
        var head = experiment()
        head.runs[index(head, "he_normal#seed0")].probes = probes(gradientNorms: [2.5, 1.0, 0.04])  // ×2.5, ×2 exactly, ×0.4
        head.runs[index(head, "xavier_uniform#seed0")].probes = probes(gradientNorms: [.nan, 0.5, 0.1])
        head.runs[index(head, "zeros#seed0")].probes = nil
        let c = try ResultComparison.compare(base: experiment(), head: head)
        let he = try #require(c.runs.first { $0.run.id == "he_normal#seed0" })
        #expect(he.flaggedShifts.map(\.layer) == [1, 3])
        let ratios = he.gradientShifts.map { $0.ratio ?? .nan }
        #expect(zip(ratios, [2.5, 2, 0.4]).allSatisfy { abs($0 - $1) < 1e-6 }, "\(ratios)")  // norms are Floats
        #expect(he.gradientShifts[0].name == "layer 1 (784→256)")
        let xavier = try #require(c.runs.first { $0.run.id == "xavier_uniform#seed0" })
        // Summary drops the NaN from its L2 (it counts non-finite values apart), so this one is 0 → ×0.
        #expect(xavier.flaggedShifts.map(\.layer) == [1])
        #expect(c.runs.first { $0.run.id == "zeros#seed0" }?.gradientShifts.isEmpty == true)
        #expect(c.flaggedShiftCount == 3 && c.passes)
    }

    @Test func nonFiniteNormOnOneSideIsFlagged() {
        #expect(GradientShift(layer: 1, name: "", base: 1, head: .infinity, factor: 2).flagged)
        #expect(GradientShift(layer: 1, name: "", base: 1, head: .infinity, factor: 2).ratio == nil)
        #expect(!GradientShift(layer: 1, name: "", base: .nan, head: .nan, factor: 2).flagged)
        #expect(GradientShift(layer: 1, name: "", base: 0, head: 0, factor: 2).ratio == 1)
        #expect(GradientShift(layer: 1, name: "", base: 0, head: 1e-9, factor: 2).flagged)
    }

    @Test func differentConfigIsRefusedUnlessForced() throws {
        var head = experiment()
        head.config.epochs = 3
        head.config.optimizer.learningRate = 0.01
        head.configHash = head.config.fingerprint
        do { _ = try ResultComparison.compare(base: experiment(), head: head); Issue.record("compared") } catch {
            guard case let .configDiffers(_, _, keys) = error else { Issue.record("\(error)"); return }
            #expect(keys == ["epochs", "optimizer"])
            #expect(error.description.contains("config hash") && error.description.contains("--force"))
        }
        let forced = try ResultComparison.compare(base: experiment(), head: head, options: ComparisonOptions(force: true))
        #expect(forced.runs.count == 3 && forced.notes.contains { $0.contains("--force") && $0.contains("epochs, optimizer") })
    }

    @Test func differentDataIsRefusedUnlessForced() throws {
        var head = experiment()
        head.dataset.fingerprint = "fedcba9876543210"
        #expect(throws: ComparisonError.datasetDiffers(base: "0123456789abcdef", head: "fedcba9876543210",
                                                       baseName: "Fashion-MNIST, 2000 train / 500 test",
                                                       headName: "Fashion-MNIST, 2000 train / 500 test")) {
            try ResultComparison.compare(base: experiment(), head: head)
        }
        let forced = try ResultComparison.compare(base: experiment(), head: head, options: ComparisonOptions(force: true))
        #expect(forced.notes.contains { $0.hasPrefix("The datasets differ") })
    }

    @Test func olderFilesWithoutHashesCompareWithANote() throws {
        var base = experiment()
        base.configHash = nil
        base.dataset.fingerprint = nil
        let c = try ResultComparison.compare(base: base, head: experiment())
        #expect(c.passes && c.notes.count == 2)
        #expect(c.notes.allSatisfy { $0.hasPrefix("Base records no") })
    }

    @Test func differentBLASIsAWarningNotAFailure() throws {
        var head = experiment()
        head.machine.blasCore = "SkylakeX"
        head.machine.blasThreadsPerRun = 4
        head.gitCommit = "bbbbbbbbbbbb"
        head.runs[0].seconds = 3
        let c = try ResultComparison.compare(base: experiment(), head: head)
        #expect(c.passes && c.warnings.count == 2)
        #expect(c.warnings[0].contains("Haswell") && c.warnings[0].contains("SkylakeX"))
        #expect(c.base.provenance == "commit aaaaaaaaaaaa · initscope 0.1.0 · BLAS Haswell, 1 thread(s) per run")
        #expect(c.head.provenance == "commit bbbbbbbbbbbb · initscope 0.1.0 · BLAS SkylakeX, 4 thread(s) per run")
        #expect(c.runs[0].secondsDelta == 1 && c.runs[0].secondsRatio == 1.5)
    }

    @Test func formatsUseRealMinusSigns() {
        #expect(ComparisonFormat.signedPoints(-0.015) == "−1.50")
        #expect(ComparisonFormat.signedPoints(0.004) == "+0.40")
        #expect(ComparisonFormat.signed(0) == "±0.0000")
        #expect(ComparisonFormat.ratio(2.5) == "×2.50" && ComparisonFormat.ratio(0.031) == "×0.031")
    }
}
