import Testing
import Initializers

@Suite struct InitializerSpecTests {
    @Test func parsesArgumentsWithSpacesAndAliases() throws {
        #expect(try InitializerSpec.parse(" uniform( -0.1 , 0.1 ) ").name == "uniform(-0.1,0.1)")
        #expect(try InitializerSpec.parse("kaiming_normal").name == "he_normal")
        #expect(try InitializerSpec.parse("glorot_uniform").name == "xavier_uniform")
        #expect(try InitializerSpec.parse("Normal(0.1)").name == "normal(0.1)")
        #expect(try InitializerSpec.parse("glorot_normal").name == "xavier_normal")
    }

    @Test(arguments: [("orthogonal", "orthogonal"), ("orthogonal()", "orthogonal"), ("orthogonal(1)", "orthogonal"),
                      (" Orthogonal( 1.5 ) ", "orthogonal(1.5)"), ("orthogonal(2)", "orthogonal(2)")])
    func orthogonalGainIsOptional(_ spec: String, _ name: String) throws {
        let scheme = try InitializerSpec.parse(spec)
        #expect(scheme.name == name)
        #expect(try InitializerSpec.parse(scheme.name).name == name)
    }

    @Test func orthogonalRejectsBadGains() {
        #expect(throws: InitializerError.invalidArgument(spec: "orthogonal(0)", reason: "needs gain > 0")) {
            try InitializerSpec.parse("orthogonal(0)")
        }
        #expect(throws: InitializerError.invalidArgument(spec: "orthogonal(-1)", reason: "needs gain > 0")) {
            try InitializerSpec.parse("orthogonal(-1)")
        }
        #expect(throws: InitializerError.wrongArgumentCount(spec: "orthogonal(1,2)", name: "orthogonal", expected: 1, got: 2)) {
            try InitializerSpec.parse("orthogonal(1,2)")
        }
    }

    @Test func catalogueListsTheNewSchemes() {
        let patterns = InitializerSpec.catalogue.map(\.pattern)
        for pattern in ["xavier_normal", "orthogonal", "orthogonal(g)"] { #expect(patterns.contains(pattern)) }
    }

    @Test func listSplitsOnTopLevelCommasOnly() throws {
        let list = try InitializerSpec.parseList("zeros, uniform(-1,1),he_normal")
        #expect(list.map(\.name) == ["zeros", "uniform(-1,1)", "he_normal"])
    }

    @Test func badSpecsAreTypedErrorsWithAFix() {
        #expect(throws: InitializerError.unknownName(spec: "orthogonl", known: InitializerSpec.catalogue.map(\.pattern))) {
            try InitializerSpec.parse("orthogonl")
        }
        #expect(throws: InitializerError.wrongArgumentCount(spec: "uniform(1)", name: "uniform", expected: 2, got: 1)) {
            try InitializerSpec.parse("uniform(1)")
        }
        #expect(throws: InitializerError.notANumber(spec: "normal(x)", argument: "x")) { try InitializerSpec.parse("normal(x)") }
        #expect(throws: InitializerError.notANumber(spec: "normal(nan)", argument: "nan")) { try InitializerSpec.parse("normal(nan)") }
        #expect(throws: InitializerError.invalidArgument(spec: "uniform(1,0)", reason: "needs a < b")) { try InitializerSpec.parse("uniform(1,0)") }
        #expect(throws: InitializerError.invalidArgument(spec: "normal(-1)", reason: "needs σ > 0")) { try InitializerSpec.parse("normal(-1)") }
        #expect(throws: InitializerError.malformed(spec: "normal(0.1")) { try InitializerSpec.parse("normal(0.1") }
        #expect(throws: InitializerError.emptyList(text: "zeros,,ones")) { try InitializerSpec.parseList("zeros,,ones") }
    }

    @Test func errorMessagesNameTheSpecAndTheFix() {
        let message = InitializerError.unknownName(spec: "orthogonl", known: ["zeros", "he_normal"]).description
        #expect(message.contains("'orthogonl'") && message.contains("he_normal"))
        #expect(!message.contains("\n"))
    }
}
