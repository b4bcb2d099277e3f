import Testing
import Initializers

/// The gain table against torch.nn.init.calculate_gain.
@Suite struct GainTests {
    static let table: [(String, Double)] = [
        ("linear", 1.0), ("identity", 1), ("conv", 1), ("conv2d", 1), ("sigmoid", 1), ("tanh", 5.0 / 3),
        ("relu", 2.0.squareRoot()), ("leaky_relu", (2 / (1 + 0.01 * 0.01)).squareRoot()),
        ("leaky_relu(0.2)", (2 / 1.04).squareRoot()), ("leaky_relu(0)", 2.0.squareRoot()),
        (" Leaky_ReLU( 0.2 ) ", (2 / 1.04).squareRoot()), ("selu", 0.75),
    ]

    @Test(arguments: table)
    func tableMatchesTorch(_ name: String, _ gain: Double) throws {
        #expect(abs(try Gain.for(nonlinearity: name) - gain) <= 1e-15)
        let nonlinearity = try Nonlinearity.parse(name)
        #expect(abs(nonlinearity.gainSquared - gain * gain) <= 1e-14)
        #expect(try Nonlinearity.parse(nonlinearity.name) == nonlinearity)
    }

    @Test func reluGainSquaredIsExactlyTwo() {
        #expect(Nonlinearity.relu.gainSquared == 2)
        #expect(Gain.for(.tanh) == 5.0 / 3)
    }

    @Test func networkActivationNamesAreReadOrRefusedClearly() throws {
        // The Network's activation catalogue: relu, leaky_relu(s), tanh, sigmoid, elu, selu,
        // gelu, softsign, linear. torch has no gain for elu, gelu, softsign.
        for name in ["relu", "leaky_relu(0.01)", "tanh", "sigmoid", "selu", "linear"] {
            #expect(throws: Never.self) { try Gain.for(nonlinearity: name) }
        }
        for name in ["elu", "gelu", "softsign"] {
            #expect(throws: InitializerError.noGain(spec: name, nonlinearity: name)) { try Gain.for(nonlinearity: name) }
        }
        let message = InitializerError.noGain(spec: "he_normal(gelu)", nonlinearity: "gelu").description
        #expect(message.contains("'he_normal(gelu)'") && message.contains("gelu") && message.contains("xavier_normal(1.2)"))
    }

    @Test func unknownNonlinearitiesListTheTable() {
        #expect(throws: InitializerError.unknownArgument(spec: "swish", argument: "swish", expected: Nonlinearity.patterns)) {
            try Gain.for(nonlinearity: "swish")
        }
        let message = InitializerError.unknownArgument(spec: "swich", argument: "swich", expected: Nonlinearity.patterns).description
        #expect(message.hasPrefix("Nonlinearity 'swich' has no entry in the gain table.") && message.contains("leaky_relu(s)"))
        #expect(InitializerError.noGain(spec: "elu", nonlinearity: "elu").description.hasPrefix("Nonlinearity 'elu': "))
        #expect(throws: InitializerError.notANumber(spec: "leaky_relu(x)", argument: "x")) {
            try Gain.for(nonlinearity: "leaky_relu(x)")
        }
        #expect(throws: InitializerError.wrongArgumentCount(spec: "tanh(2)", name: "tanh", expected: 0, got: 1)) {
            try Gain.for(nonlinearity: "tanh(2)")
        }
    }
}
