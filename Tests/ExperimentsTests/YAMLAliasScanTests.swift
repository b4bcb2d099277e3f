@testable import Experiments
import Foundation
import Testing

/// The lexical alias check in front of Yams: every alias form YAML has is found, and the
/// config text users write (quoted names with `*`, markdown bullets, products in prose) is not
/// taken for one.
@Suite struct YAMLAliasScanTests {
    typealias Alias = YAMLAliasScan.Alias

    @Test(arguments: [
        ("a: *x", Alias(line: 1, column: 4, name: "x")),
        ("- *x", Alias(line: 1, column: 3, name: "x")),
        ("- - *x", Alias(line: 1, column: 5, name: "x")),
        ("? *x\n: 1", Alias(line: 1, column: 3, name: "x")),
        ("a: [1, *x]", Alias(line: 1, column: 8, name: "x")),
        ("a: {k: *x}", Alias(line: 1, column: 8, name: "x")),
        ("a: [\n*x]", Alias(line: 2, column: 1, name: "x")),
        ("a: &x 1\r\nb: *x", Alias(line: 2, column: 4, name: "x")),
        ("a: ['q', *x]", Alias(line: 1, column: 10, name: "x")),
        ("a: ['it''s', \"\\\"\", *x]", Alias(line: 1, column: 20, name: "x")),
        ("a: [\"a\\\n*x\"]", Alias(line: 2, column: 1, name: "x")),   // a quote that does not close on its line is not skipped
        ("--- *x", Alias(line: 1, column: 5, name: "x")),
        ("*x : 1", Alias(line: 1, column: 1, name: "x")),
        ("a: 'x\n*b: 1'", Alias(line: 2, column: 1, name: "b")),
    ])
    func aliasesAreFound(_ text: String, _ alias: Alias) {
        #expect(YAMLAliasScan.firstAlias(in: text) == alias)
    }

    @Test(arguments: [
        "initializers: [he_normal, \"uniform(-1,1)\"]",
        "description: \"Compare: *he* against *xavier*\"",
        "description: 'a, *b'",
        "description: 2 * 3 is 6",
        "description: a-*b",
        "description: |\n  * first point\n  * second point",
        "a: &anchor 1",
        "a: * x",
        "a: [*]",
        "",
    ])
    func textIsNotAnAlias(_ text: String) {
        #expect(YAMLAliasScan.firstAlias(in: text) == nil)
    }

    /// Found with the config fuzz target's timeout (#9): nine lines of anchors aliasing each other ten times, used once as a
    /// key, made Yams hash 10⁸ nodes (hours). Now refused before Yams sees it, at once.
    @Test func billionLaughsIsRefusedAtOnce() throws {
        var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...7 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["? *l7", ": 1", "initializers: [he_normal]"]
        let started = ContinuousClock.now
        #expect(throws: ConfigError.self) { try ConfigFile.parse(lines.joined(separator: "\n"), origin: "laughs.yaml", relativeTo: nil) }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
