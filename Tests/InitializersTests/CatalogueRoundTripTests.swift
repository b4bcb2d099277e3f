import Testing
import Tensor
import Initializers

/// Every catalogue pattern, instantiated: its `name` parses back to an equal scheme, aliases
/// and spellings reduce to the canonical name, and the catalogue has no pattern left untested.
@Suite struct CatalogueRoundTripTests {
    /// At least one instantiation of every catalogue pattern, written as `name` writes it.
    static let names = [
        "zeros", "ones", "constant(0.5)", "constant(-2)", "constant(0)", "constant(1)", "identity", "zero_init",
        "uniform(-0.1,0.1)", "uniform(0,1)", "normal(0.1)", "small_normal", "truncated_normal(0.1)",
        "sparse(10)", "sparse(15,1)", "sparse(1,0.5)", "general_rule", "lecun_uniform", "lecun_normal",
        "xavier_uniform", "xavier_uniform(tanh)", "xavier_uniform(1.5)", "xavier_uniform(leaky_relu(0.2))",
        "xavier_normal", "xavier_normal(relu)", "xavier_normal(0.5)", "xavier_normal(linear)",
        "he_uniform", "he_uniform(fan_out)", "he_uniform(tanh)", "he_uniform(fan_out,leaky_relu)",
        "he_uniform(leaky_relu(0.2))", "he_normal", "he_normal(fan_out)", "he_normal(selu)",
        "he_normal(fan_out,sigmoid)", "he_normal(conv)", "he_normal(linear)",
        "variance_scaling(1,fan_in,truncated_normal)", "variance_scaling(2,fan_out,untruncated_normal)",
        "variance_scaling(0.5,fan_avg,uniform)", "orthogonal", "orthogonal(2)", "lsuv", "lsuv(0.05,20)",
        "lsuv(0.1,3)",
    ]

    @Test(arguments: names)
    func nameParsesBackToAnEqualScheme(_ name: String) throws {
        let scheme = try InitializerSpec.parse(name)
        #expect(scheme.name == name)
        let again = try InitializerSpec.parse(scheme.name)
        #expect(sameScheme(scheme, again), "\(scheme) vs \(again)")
        #expect(!scheme.label.isEmpty && !scheme.formula.isEmpty)
        #expect(scheme.formula.hasPrefix("W"), "formula '\(scheme.formula)' should start with W")
    }

    @Test func everyCataloguePatternIsInstantiated() {
        func base(_ pattern: String) -> String { String(pattern.prefix { $0 != "(" }) }
        let tested = Set(Self.names.map(base))
        for entry in InitializerSpec.catalogue {
            #expect(tested.contains(base(entry.pattern)), "no test instance of \(entry.pattern)")
            #expect(!entry.summary.isEmpty && !entry.summary.contains("\n"))
        }
        // Patterns are distinct, and every parameterless pattern parses as written.
        #expect(Set(InitializerSpec.catalogue.map(\.pattern)).count == InitializerSpec.catalogue.count)
        for entry in InitializerSpec.catalogue where !entry.pattern.contains("(") {
            #expect((try? InitializerSpec.parse(entry.pattern).name) == entry.pattern)
        }
    }

    static let spellings: [(String, String)] = [
        ("glorot_uniform(tanh)", "xavier_uniform(tanh)"), ("glorot_normal(2)", "xavier_normal(2)"),
        ("xavier_uniform(1)", "xavier_uniform"), ("xavier_normal(1.0)", "xavier_normal"),
        ("kaiming_uniform", "he_uniform"), ("kaiming_normal(fan_out)", "he_normal(fan_out)"),
        ("he_normal(fan_in,relu)", "he_normal"), ("he_normal(relu,fan_out)", "he_normal(fan_out)"),
        ("he_uniform(fan_in,leaky_relu)", "he_uniform(leaky_relu)"), ("he_uniform(leaky_relu(0.01))", "he_uniform(leaky_relu)"),
        ("HE_Normal( Fan_Out , Leaky_ReLU( 0.2 ) )", "he_normal(fan_out,leaky_relu(0.2))"),
        ("he_normal(identity)", "he_normal(linear)"), ("he_normal(conv2d)", "he_normal(conv)"),
        ("variance_scaling", "variance_scaling(1,fan_in,truncated_normal)"),
        ("variance_scaling(2)", "variance_scaling(2,fan_in,truncated_normal)"),
        ("variance_scaling(uniform,fan_avg,3)", "variance_scaling(3,fan_avg,uniform)"),
        ("lsuv(0.1,10)", "lsuv"), ("lsuv(0.05)", "lsuv(0.05,10)"), ("lsuv()", "lsuv"),
        ("sparse(10,0.01)", "sparse(10)"), ("eye", "identity"), ("small_random", "small_normal"),
        ("zero", "zeros"), ("constant(2.50)", "constant(2.5)"),
    ]

    @Test(arguments: spellings)
    func spellingsReduceToTheCanonicalName(_ spec: String, _ name: String) throws {
        #expect(try InitializerSpec.parse(spec).name == name)
    }

    @Test func listSplitsNestedArguments() throws {
        let list = try InitializerSpec.parseList("he_normal(fan_out,leaky_relu(0.2)), variance_scaling(2,fan_in,uniform),lsuv")
        #expect(list.map(\.name) == ["he_normal(fan_out,leaky_relu(0.2))", "variance_scaling(2,fan_in,uniform)", "lsuv"])
    }

    @Test func parsedSchemesCarryTheirSettings() throws {
        let he = try #require(try InitializerSpec.parse("he_uniform(fan_out,tanh)") as? HeUniform)
        #expect(he.mode == .fanOut && he.nonlinearity == .tanh)
        let scaling = try #require(try InitializerSpec.parse("variance_scaling(2,fan_avg,uniform)") as? VarianceScaling)
        #expect(scaling == VarianceScaling(scale: 2, mode: .fanAvg, distribution: .uniform))
        let xavier = try #require(try InitializerSpec.parse("xavier_uniform(tanh)") as? XavierUniform)
        #expect(xavier.gain == 5.0 / 3 && xavier.nonlinearity == .tanh)
        let sparse = try #require(try InitializerSpec.parse("sparse(12,0.1)") as? Sparse)
        #expect(sparse.count == 12 && sparse.std == 0.1)
    }
}

/// Whether two schemes are the same type with equal settings.
func sameScheme(_ a: any Initializer, _ b: any Initializer) -> Bool {
    guard let a = a as? any Equatable else { return false }
    return isEqual(a, b)
}

private func isEqual<T: Equatable>(_ a: T, _ b: Any) -> Bool {
    guard let b = b as? T else { return false }
    return a == b
}
