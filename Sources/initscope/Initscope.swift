import ArgumentParser
import Foundation

/// `initscope` — the root command. Subcommands live in their own files.
@main
struct Initscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initscope",
        abstract: "Train one network under many weight initializers and see why each one works or fails.",
        discussion: """
            Start with `initscope run` (the default): it trains the `udacity` preset — a
            784-256-128-10 ReLU MLP on Fashion-MNIST under 12 initializers — and writes
            Output/metrics.json and Output/report.html, one self-contained page to open
            offline or attach. `initscope report` rebuilds the page from a metrics.json.

            Your own question is a YAML config: `initscope presets udacity > my.yaml`, edit it \
            (`initscope list` names every initializer, activation, optimizer and data source), \
            then `initscope check my.yaml` (forecast, no training) and `initscope run my.yaml`.

            \(ExitStatus.helpText)
            """,
        version: ToolVersion.string,
        subcommands: [RunCommand.self, ReportCommand.self, CompareCommand.self, CheckCommand.self, PlanCommand.self,
                      MergeCommand.self, PresetsCommand.self, ListCommand.self],
        defaultSubcommand: RunCommand.self)

    /// Parses and runs, mapping every usage error to exit status 2 (ArgumentParser's own
    /// default is 64) so scripts see one code for "fix your input".
    static func main() {
        if let problem = NonUTF8Input.problem() {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                // One line, like every other bad-input error: the problem, then where the options are.
                var message = self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
                if !(message.hasSuffix(".") || message.hasSuffix("?")) { message += "." }
                let command = configuration.subcommands.map { $0.configuration.commandName ?? "" }
                    .first { $0 == CommandLine.arguments.dropFirst().first } ?? "run"
                FileHandle.standardError.write(Data("error: \(message) See 'initscope \(command) --help'.\n".utf8))
                Foundation.exit(ExitStatus.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}

enum ToolVersion {
    static let string = "0.1.0"
}

/// Exit statuses, documented in `--help`.
enum ExitStatus: Int32 {
    case success = 0
    /// Findings at the --fail-on level in runs not expected to fail.
    case findings = 1
    case badInput = 2

    static let helpText = """
        Exit status: 0 success · 1 findings at the --fail-on level in runs not expected to fail · 2 bad input (unknown option or preset, bad value, missing or \
        corrupt data, unwritable output) · 130 interrupted by Ctrl-C (143 by SIGTERM): the finished runs are written as a \
        partial result; a second Ctrl-C quits at once without writing.
        """

    /// 128 + the signal number, the shell's convention: 130 for SIGINT, 143 for SIGTERM.
    static func interrupted(by signal: Int32) -> Int32 { 128 + signal }
}

/// Prints one error line to standard error and exits with status 2.
func failWithBadInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(ExitStatus.badInput.rawValue)
}
