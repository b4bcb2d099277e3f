import Testing
import Foundation
import TestSupport

/// Paths whose bytes are not UTF-8 cannot be Swift strings, so they are handed to the binary
/// through a shell (`printf '\377'`) exactly as a user's terminal would.
@Suite struct NonUTF8PathTests {
    /// Runs `script` with `sh -c`; $TOOL is the binary, $BASE a fresh folder, $FIXTURE the
    /// fixture subset, $BAD "$BASE/data<FF FE>" (a folder holding a copy of the subset).
    func shell(_ script: String, base: URL) throws -> CommandLineTool.Outcome {
        let setup = #"BAD="$(printf '%s/data\377\376' "$BASE")"; [ -d "$BAD" ] || { mkdir "$BAD" && cp "$FIXTURE"/* "$BAD"/; }; "#
        return try CommandLineTool.shell(setup + script, environment: ["BASE": base.path, "FIXTURE": FixtureData.subsetFolder.path])
    }

    static let tiny = "--inits zeros --epochs 1 --hidden-sizes 4 --probe-every 0 --jobs 1"

    @Test func aDataFolderThatIsNotUTF8IsOneLineNotAMissingFolder() throws {
        let base = try FixturePaths.temporaryDirectory()
        let outcome = try shell(#""$TOOL" run --data "$BAD" \#(Self.tiny) --output "$BASE/out""#, base: base)
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("error: the value of --data '\(base.path)/data\u{FFFD}\u{FFFD}' is not valid UTF-8"),
                "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("symlink"))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("out").path))
    }

    @Test func aSymlinkWithAUTF8NameReachesIt() throws {
        let base = try FixturePaths.temporaryDirectory()
        let outcome = try shell(#"ln -s "$BAD" "$BASE/data" && "$TOOL" run --data "$BASE/data" \#(Self.tiny) --output "$BASE/out""#,
                                base: base)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOf: base.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(html.contains("</html>"))
    }

    /// Run from inside such a folder, a relative --output would resolve to a *different*
    /// folder (U+FFFD in place of the bytes), created beside this one.
    @Test func aWorkingFolderThatIsNotUTF8IsRefusedBeforeWritingAnywhere() throws {
        let base = try FixturePaths.temporaryDirectory()
        let outcome = try shell(#"cd "$BAD" && "$TOOL" run --data "$FIXTURE" \#(Self.tiny) --output out"#, base: base)
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("error: the working folder '\(base.path)/data\u{FFFD}\u{FFFD}' is not valid UTF-8"),
                "\(outcome.standardError)")
        // Only the data folder itself: no look-alike folder beside it, nothing inside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).count == 1)
        let listing = try shell(#"ls -A "$BAD""#, base: base)
        #expect(!listing.standardOutput.contains("out"))
    }
}
