import Testing
import Initializers

@Suite struct BiasInitializerTests {
    static let specs: [(String, BiasInitializer, Float)] = [
        ("zeros", .zeros, 0), ("Zero", .zeros, 0), ("constant(0.01)", .constant(0.01), 0.01), (" constant( -1 ) ", .constant(-1), -1),
    ]

    @Test(arguments: specs)
    func parsesAndFills(_ spec: String, _ expected: BiasInitializer, _ value: Float) throws {
        let bias = try BiasInitializer.parse(spec)
        #expect(bias == expected)
        #expect(try BiasInitializer.parse(bias.name) == bias)
        #expect(!bias.label.isEmpty)
        var vector = [Float](repeating: 7, count: 5)
        bias.fill(&vector)
        #expect(vector == [Float](repeating: value, count: 5))
    }

    @Test func namesAndLabels() {
        #expect(BiasInitializer.zeros.name == "zeros" && BiasInitializer.constant(0.01).name == "constant(0.01)")
        #expect(BiasInitializer.constant(0.01).label == "b = 0.01")
        #expect(BiasInitializer.catalogue.map(\.pattern) == ["zeros", "constant(c)"])
    }

    @Test func badSpecsAreTypedErrorsWithAFix() {
        #expect(throws: InitializerError.unknownBias(spec: "ones", known: ["zeros", "constant(c)"])) { try BiasInitializer.parse("ones") }
        #expect(throws: InitializerError.wrongArgumentCount(spec: "constant()", name: "constant", expected: 1, got: 0)) {
            try BiasInitializer.parse("constant()")
        }
        #expect(throws: InitializerError.notANumber(spec: "constant(x)", argument: "x")) { try BiasInitializer.parse("constant(x)") }
        #expect(throws: InitializerError.wrongArgumentCount(spec: "zeros(1)", name: "zeros", expected: 0, got: 1)) {
            try BiasInitializer.parse("zeros(1)")
        }
        #expect(throws: InitializerError.malformed(spec: "constant(1")) { try BiasInitializer.parse("constant(1") }
        let message = InitializerError.unknownBias(spec: "zeroes", known: ["zeros", "constant(c)"]).description
        #expect(message.contains("'zeroes'") && message.contains("Did you mean 'zeros'?") && message.contains("constant(0.01)"))
    }
}
