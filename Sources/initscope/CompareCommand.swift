import ArgumentParser
import Foundation
import Experiments
import Report

/// `initscope compare BASE/metrics.json HEAD/metrics.json`: the same experiment before and
/// after a change, run by run, with a verdict a CI job can act on.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two metrics.json of the same experiment (before and after a change), run by run.",
        discussion: """
            Matches runs by initializer, variant and seed (the run id, e.g. he_normal#seed0 \
            or he_normal@bn#seed1). For each run on both sides it shows the final accuracy \
            and loss (base, head and the change), the run time, the findings that are new in \
            head or resolved (matched by rule, layer and severity), and each layer's final \
            weight-gradient norm head/base, flagged beyond ×2 either way. Runs on one side \
            only are listed as added or removed.

            A run regresses when its accuracy drops by more than --max-accuracy-drop, when it \
            diverges in head but not in base, or when it gains an error finding. Runs the \
            config expects to fail (`expect_failure`, --expect-failure) are shown but never \
            fail the comparison.

            Both files must come from the same config and the same data (metrics.json records \
            a config hash and a dataset fingerprint); otherwise compare refuses, naming what \
            differs, unless --force. Files from an older initscope, without them, compare \
            with a note. A partial file (a run interrupted by Ctrl-C, \"partial\": true) is \
            refused too, unless --force: its missing runs would read as removed. Which \
            commit, initscope version, BLAS kernel and BLAS threads made each side is \
            printed; a different kernel or thread count is a warning (the numbers then differ \
            in the last bits), not a failure.

            Writes the Markdown to standard output and to DIR/compare.md (a verdict line, \
            the table, new and resolved findings — made for a pull-request comment or a job \
            summary), and DIR/compare.html, one self-contained page with both runs' loss \
            curves overlaid (base dashed, head solid). DIR is --output, by default the folder \
            of HEAD's metrics.json. Notes and warnings go to standard error.

            Example (GitHub Actions):
              initscope run my.yaml --output base        # on the base commit
              initscope run my.yaml --output head        # on the pull request's commit
              initscope compare base/metrics.json head/metrics.json \\
                  >> "$GITHUB_STEP_SUMMARY"

            Exit status: 0 no regression · 1 a run not expected to fail regressed · 2 bad \
            input (unreadable or corrupt file, different config or data or a partial file without \
            --force, no run in common, unwritable output).
            """)

    @Argument(help: ArgumentHelp("metrics.json of the base (before the change).", valueName: "base-metrics.json"))
    var base: String

    @Argument(help: ArgumentHelp("metrics.json of the head (after the change).", valueName: "head-metrics.json"))
    var head: String

    @Option(help: ArgumentHelp("Folder for compare.md and compare.html (default: the folder of HEAD's metrics.json).",
                               valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Largest allowed drop of a run's final accuracy, as a fraction: 0.01 is one percentage point.",
                               valueName: "fraction"))
    var maxAccuracyDrop: Double = 0.01

    @Flag(help: "Compare even when the config hash or the dataset fingerprint differ.")
    var force = false

    func validate() throws {
        guard maxAccuracyDrop.isFinite, maxAccuracyDrop >= 0, maxAccuracyDrop <= 1 else {
            throw ValidationError("--max-accuracy-drop is a fraction from 0 to 1 (0.01 = one percentage point), got \(maxAccuracyDrop).")
        }
    }

    func run() throws {
        let headFile = URL(fileURLWithPath: head)
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? headFile.deletingLastPathComponent()
        let before: ExperimentResult, after: ExperimentResult
        do {
            before = try ResultsStore.read(URL(fileURLWithPath: base))
            after = try ResultsStore.read(headFile)
        } catch { throw failWithBadInput(error.description) }

        let comparison: ResultComparison
        do {
            comparison = try ResultComparison.compare(
                base: before, head: after, basePath: base, headPath: head,
                options: ComparisonOptions(maxAccuracyDrop: maxAccuracyDrop, force: force))
        } catch { throw failWithBadInput(error.description) }

        Console.note("base: \(comparison.base.provenance)")
        Console.note("head: \(comparison.head.provenance)")
        for warning in comparison.warnings { Console.note("warning: \(warning)") }
        for note in comparison.notes { Console.note("note: \(note)") }

        let markdown = CompareMarkdown.render(comparison)
        print(markdown)
        if let problem = OutputFolder.problem(folder) { throw failWithBadInput(problem) }
        let html: String
        do { html = try CompareReport.render(comparison, base: before, head: after) } catch {
            throw failWithBadInput(error.description)
        }
        // Both files or neither: a failed write leaves the folder's previous comparison intact.
        let written: [URL]
        do {
            written = try StagedWrite().write([OutputFile(name: CompareMarkdown.fileName, text: markdown),
                                               OutputFile(name: CompareReport.fileName, text: html)], toFolder: folder)
        } catch { throw failWithBadInput(error.description) }
        Console.note("Wrote \(written[0].path)")
        Console.note("Wrote \(written[1].path) (\(Console.size(of: written[1])))")

        Console.note(comparison.verdict)
        if !comparison.passes { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}
