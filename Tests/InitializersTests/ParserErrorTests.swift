import Testing
import Initializers

/// Bad specs for the new schemes: typed errors that name the spec, the argument and the fix.
@Suite struct ParserErrorTests {
    static let heWords = ["fan_in", "fan_out"] + Nonlinearity.patterns
    static let scalingWords = ["fan_in", "fan_out", "fan_avg", "truncated_normal", "untruncated_normal", "uniform"]

    static let badSpecs: [(String, InitializerError)] = [
        ("he_normal(fan_in,relu,tanh)", .wrongArgumentRange(spec: "he_normal(fan_in,relu,tanh)", name: "he_normal", expected: 0...2, got: 3)),
        ("he_uniform(foo)", .unknownArgument(spec: "he_uniform(foo)", argument: "foo", expected: heWords)),
        ("he_normal(2)", .unknownArgument(spec: "he_normal(2)", argument: "2", expected: heWords)),
        ("he_normal(fan_avg)", .invalidArgument(spec: "he_normal(fan_avg)",
            reason: "takes mode fan_in or fan_out (torch has no fan_avg for He; use variance_scaling(2,fan_avg,untruncated_normal))")),
        ("he_normal(fan_in,fan_out)", .invalidArgument(spec: "he_normal(fan_in,fan_out)", reason: "gives the mode twice")),
        ("he_normal(tanh,relu)", .invalidArgument(spec: "he_normal(tanh,relu)", reason: "gives the nonlinearity twice")),
        ("he_normal(elu)", .noGain(spec: "he_normal(elu)", nonlinearity: "elu")),
        ("he_normal(leaky_relu(x))", .notANumber(spec: "he_normal(leaky_relu(x))", argument: "x")),
        ("he_normal(leaky_relu(-1))", .invalidArgument(spec: "he_normal(leaky_relu(-1))", reason: "needs a leaky_relu slope ≥ 0")),
        ("he_normal(leaky_relu(0.2)", .malformed(spec: "he_normal(leaky_relu(0.2)")),
        ("uniform(1)(2)", .malformed(spec: "uniform(1)(2)")),
        ("uniform)(", .malformed(spec: "uniform)(")),
        ("xavier_uniform(0)", .invalidArgument(spec: "xavier_uniform(0)", reason: "needs gain > 0")),
        ("xavier_normal(1,2)", .wrongArgumentRange(spec: "xavier_normal(1,2)", name: "xavier_normal", expected: 0...1, got: 2)),
        ("xavier_normal(gelu)", .noGain(spec: "xavier_normal(gelu)", nonlinearity: "gelu")),
        ("xavier_normal(fan_in)", .unknownArgument(spec: "xavier_normal(fan_in)", argument: "fan_in", expected: Nonlinearity.patterns)),
        ("variance_scaling(0)", .invalidArgument(spec: "variance_scaling(0)", reason: "needs scale s > 0")),
        ("variance_scaling(2,fan_in,normal)", .unknownArgument(spec: "variance_scaling(2,fan_in,normal)", argument: "normal", expected: scalingWords)),
        ("variance_scaling(1,2)", .invalidArgument(spec: "variance_scaling(1,2)", reason: "gives the scale twice")),
        ("variance_scaling(1,fan_in,uniform,fan_out)", .wrongArgumentRange(spec: "variance_scaling(1,fan_in,uniform,fan_out)", name: "variance_scaling", expected: 0...3, got: 4)),
        ("sparse()", .wrongArgumentRange(spec: "sparse()", name: "sparse", expected: 1...2, got: 0)),
        ("sparse(0)", .invalidArgument(spec: "sparse(0)", reason: "needs k to be a whole number ≥ 1")),
        ("sparse(2.5)", .invalidArgument(spec: "sparse(2.5)", reason: "needs k to be a whole number ≥ 1")),
        ("sparse(10,0)", .invalidArgument(spec: "sparse(10,0)", reason: "needs σ > 0")),
        ("sparse(ten)", .notANumber(spec: "sparse(ten)", argument: "ten")),
        ("lsuv(0)", .invalidArgument(spec: "lsuv(0)", reason: "needs tol > 0")),
        ("lsuv(0.1,2.5)", .invalidArgument(spec: "lsuv(0.1,2.5)", reason: "needs max_iter to be a whole number ≥ 1")),
        ("lsuv(0.1,10,1)", .wrongArgumentRange(spec: "lsuv(0.1,10,1)", name: "lsuv", expected: 0...2, got: 3)),
        ("constant()", .wrongArgumentCount(spec: "constant()", name: "constant", expected: 1, got: 0)),
        ("constant(inf)", .notANumber(spec: "constant(inf)", argument: "inf")),
        ("identity(1)", .wrongArgumentCount(spec: "identity(1)", name: "identity", expected: 0, got: 1)),
        ("zero_init(1)", .wrongArgumentCount(spec: "zero_init(1)", name: "zero_init", expected: 0, got: 1)),
        ("normal(fan_in)", .notANumber(spec: "normal(fan_in)", argument: "fan_in")),
        ("uniform(-0.1,)", .notANumber(spec: "uniform(-0.1,)", argument: "")),
    ]

    @Test(arguments: badSpecs)
    func badSpecIsATypedError(_ spec: String, _ error: InitializerError) {
        #expect(throws: error) { try InitializerSpec.parse(spec) }
        #expect(!error.description.contains("\n"))
    }

    @Test func unknownNamesSuggestTheNearestPattern() {
        let known = InitializerSpec.catalogue.map(\.pattern)
        for (typo, suggestion) in [("he_normall", "he_normal"), ("lecun_unifrom", "lecun_uniform"), ("kaiming_norml", "kaiming_normal"),
                                   ("variance_scalling(2)", "variance_scaling(s,mode,distribution)"), ("orthogonl", "orthogonal")] {
            #expect(throws: InitializerError.unknownName(spec: typo, known: known)) { try InitializerSpec.parse(typo) }
            let message = InitializerError.unknownName(spec: typo, known: known).description
            #expect(message.contains("Did you mean '\(suggestion)'?"), "\(message)")
            #expect(message.contains("variance_scaling(s,mode,distribution)") && message.contains("lsuv(tol,max_iter)"))
        }
        let far = InitializerError.unknownName(spec: "glorious", known: known).description
        #expect(!far.contains("Did you mean"))
    }

    @Test func messagesNameTheArgumentAndTheUsage() {
        let count = InitializerError.wrongArgumentRange(spec: "he_normal(a,b,c)", name: "he_normal", expected: 0...2, got: 3).description
        #expect(count.contains("'he_normal(a,b,c)'") && count.contains("0 to 2 arguments, got 3")
                && count.contains("he_normal or he_normal(mode,nonlinearity)"))
        let exact = InitializerError.wrongArgumentCount(spec: "uniform(1)", name: "uniform", expected: 2, got: 1).description
        #expect(exact.contains("Write it as uniform(a,b)."))
        let word = InitializerError.unknownArgument(spec: "he_normal(fan_ot)", argument: "fan_ot", expected: Self.heWords).description
        #expect(word.contains("'fan_ot'") && word.contains("Did you mean 'fan_out'?") && word.contains("leaky_relu(s)"))
    }
}
