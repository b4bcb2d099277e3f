import Testing
import Foundation
import Tensor
import Network
import TestSupport

/// The hidden-activation catalogue: gradients against finite differences, values against
/// closed forms (the same numbers torch.nn gives), names, JSON, saturation bands, training.
@Suite struct ActivationTests {
    /// Spans negative, near-zero and positive inputs, each at least 0.03 from the kinks at 0
    /// (the finite-difference step is 0.01).
    static let spread: [Float] = [-6, -3.5, -2, -1.2, -0.7, -0.3, -0.1, -0.04, 0.03, 0.08, 0.2, 0.45, 0.9, 1.5, 2.5, 4, 7]

    static let catalogueWithSlopes: [Activation] = Activation.allCases + [.leakyReLU(slope: 0.2)]

    func apply(_ activation: Activation, _ values: [Float]) -> [Float] {
        var a = Matrix(rows: 1, cols: values.count)
        activation.forward(Matrix(rows: 1, cols: values.count, storage: values), into: &a)
        return a.storage
    }

    func derivative(_ activation: Activation, _ values: [Float]) -> [Float] {
        var dZ = Matrix(rows: 1, cols: values.count)
        activation.backward(z: Matrix(rows: 1, cols: values.count, storage: values),
                            dA: Matrix(rows: 1, cols: values.count, repeating: 1), into: &dZ)
        return dZ.storage
    }

    // MARK: gradients

    @Test(arguments: catalogueWithSlopes)
    func backwardMatchesFiniteDifferences(_ activation: Activation) {
        var rng = SeededGenerator(seed: 6)
        // Two rows of the spread, shuffled apart by random upstream gradients R: L = Σ R ⊙ f(z).
        let z = Matrix(rows: 2, cols: Self.spread.count, storage: Self.spread + Self.spread.map { -$0 * 0.9 })
        let r = Matrix.random(rows: z.rows, cols: z.cols, rng: &rng)
        var dZ = Matrix(rows: z.rows, cols: z.cols)
        activation.backward(z: z, dA: r, into: &dZ)
        func loss(_ input: Matrix) -> Double {
            var a = Matrix(rows: input.rows, cols: input.cols)
            activation.forward(input, into: &a)
            return zip(a.storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        for i in 0..<z.count {
            let numeric = centralDifference(step: 1e-2, at: z.storage[i]) { v in
                var probe = z; probe.storage[i] = v; return loss(probe)
            }
            #expect(isClose(numeric, Double(dZ.storage[i]), relative: 2e-3, absolute: 1e-5),
                    "\(activation.name) dZ at z = \(z.storage[i]): numeric \(numeric), analytic \(dZ.storage[i])")
        }
    }

    @Test(arguments: catalogueWithSlopes)
    func extremeInputsStayFinite(_ activation: Activation) {
        // No overflow in exp, no 0·∞ or ∞/∞: finite f and f′ up to |z| = 1e30, never NaN beyond.
        let large: [Float] = [-1e30, -1e4, -100, -30, 30, 100, 1e4, 1e30]
        #expect(apply(activation, large).allSatisfy { $0.isFinite }, "\(activation.name) f = \(apply(activation, large))")
        #expect(derivative(activation, large).allSatisfy { $0.isFinite }, "\(activation.name) f′ = \(derivative(activation, large))")
        let extreme: [Float] = [-.greatestFiniteMagnitude, .greatestFiniteMagnitude]
        #expect(!derivative(activation, extreme).contains { $0.isNaN }, "\(activation.name) f′ at ±max")
        #expect(!apply(activation, extreme).contains { $0.isNaN }, "\(activation.name) f at ±max")
    }

    // MARK: values

    @Test(arguments: [
        // (activation, z, f(z) in Double from the closed form / torch.nn at float64)
        (Activation.relu, Float(-2), 0.0), (.relu, 1.5, 1.5),
        (.leakyReLU(slope: 0.01), -2, -0.02), (.leakyReLU(slope: 0.2), -2, -0.4), (.leakyReLU(slope: 0.2), 3, 3),
        (.tanh, -0.5, -0.46211715726000974), (.tanh, 20, 1), (.tanh, -20, -1),
        (.sigmoid, 0, 0.5), (.sigmoid, 2, 0.8807970779778823), (.sigmoid, 30, 1),
        (.sigmoid, -30, 9.357622968839299e-14), (.sigmoid, -80, 1.8048513878454153e-35),
        (.elu, -1, -0.6321205588285577), (.elu, 2, 2), (.elu, -1e-4, -9.999500016666251e-05),
        (.selu, 1, 1.0507009873554805), (.selu, -1, -1.1113307378125625), (.selu, 0.5, 0.5253504936777402),
        (.gelu, 1, 0.8413447460685429), (.gelu, -1, -0.15865525393145707), (.gelu, 0.5, 0.34573123063700656),
        (.gelu, -3, -0.004049694094890287),
        (.softsign, 3, 0.75), (.softsign, -1, -0.5),
        (.linear, -3.25, -3.25),
    ])
    func forwardMatchesClosedForm(_ activation: Activation, _ z: Float, _ expected: Double) {
        let a = apply(activation, [z])[0]
        #expect(a.isFinite)
        #expect(isClose(Double(a), expected, relative: 1e-6, absolute: 0),
                "\(activation.name)(\(z)) = \(a), expected \(expected)")
    }

    @Test(arguments: [
        (Activation.sigmoid, Float(-30), 9.357622968838425e-14), (.sigmoid, 30, 9.357622968838425e-14),
        (.sigmoid, 0, 0.25), (.tanh, 0.5, 0.7864477329659274), (.tanh, 20, 0),
        (.gelu, 1, 1.0833154705876864), (.gelu, -1, -0.08331547058768629),
        (.selu, -1, 0.646768603034814), (.selu, 1, 1.0507009873554805),
        (.elu, -2, 0.1353352832366127), (.softsign, 1, 0.25),
        (.leakyReLU(slope: 0.01), -1, 0.01), (.relu, -1, 0), (.relu, 1, 1),
    ])
    func derivativeMatchesClosedForm(_ activation: Activation, _ z: Float, _ expected: Double) {
        let d = derivative(activation, [z])[0]
        #expect(isClose(Double(d), expected, relative: 1e-5, absolute: 0),
                "\(activation.name)′(\(z)) = \(d), expected \(expected)")
    }

    @Test func forwardAndBackwardWriteInPlace() {
        // The buffers keep their identity: nothing is reallocated behind the training loop.
        let z = Matrix(rows: 2, cols: Self.spread.count, storage: Self.spread + Self.spread)
        for activation in Self.catalogueWithSlopes {
            var a = Matrix(rows: z.rows, cols: z.cols, repeating: .nan)
            var dZ = Matrix(rows: z.rows, cols: z.cols, repeating: .nan)
            let before = (a.storage.withUnsafeBufferPointer { $0.baseAddress }, dZ.storage.withUnsafeBufferPointer { $0.baseAddress })
            activation.forward(z, into: &a)
            activation.backward(z: z, dA: z, into: &dZ)
            #expect(a.storage.withUnsafeBufferPointer { $0.baseAddress } == before.0, "\(activation.name) forward")
            #expect(dZ.storage.withUnsafeBufferPointer { $0.baseAddress } == before.1, "\(activation.name) backward")
            #expect(a.isFinite && dZ.isFinite, "\(activation.name)")
        }
    }

    // MARK: names

    @Test func catalogueHasOneEntryPerCaseInOrder() {
        #expect(Activation.catalogue.count == Activation.allCases.count)
        for (entry, activation) in zip(Activation.catalogue, Activation.allCases) {
            let base = entry.pattern.split(separator: "(").first.map(String.init) ?? ""
            #expect(activation.name.hasPrefix(base), "\(entry.pattern) vs \(activation.name)")
            #expect(!entry.summary.isEmpty)
        }
    }

    @Test(arguments: catalogueWithSlopes + [.leakyReLU(slope: -0.5), .leakyReLU(slope: 1e-5), .leakyReLU(slope: 0)])
    func nameParsesBackToTheSameActivation(_ activation: Activation) throws {
        #expect(try Activation.parse(activation.name) == activation)
    }

    @Test(arguments: [
        ("relu", Activation.relu), ("  ReLU ", .relu), ("TANH", .tanh), ("Sigmoid", .sigmoid),
        ("leaky_relu", .leakyReLU(slope: 0.01)), ("leaky_relu(0.2)", .leakyReLU(slope: 0.2)),
        (" Leaky_ReLU ( 0.2 ) ", .leakyReLU(slope: 0.2)), ("leaky_relu(0.01)", .leakyReLU(slope: 0.01)),
        ("elu", .elu), ("selu", .selu), ("GELU", .gelu), ("softsign", .softsign), ("linear", .linear),
    ])
    func parseIgnoresCaseAndWhitespace(_ text: String, _ expected: Activation) throws {
        #expect(try Activation.parse(text) == expected)
    }

    @Test func leakyReLUNamesItsSlope() {
        #expect(Activation.leakyReLU(slope: 0.01).name == "leaky_relu(0.01)")
        #expect(Activation.leakyReLU(slope: 0.2).name == "leaky_relu(0.2)")
        #expect(Activation.tanh.name == "tanh")
    }

    @Test func unknownNameListsEveryValidName() {
        #expect(throws: ActivationError.unknownName(text: "tahn", known: Activation.catalogue.map(\.pattern))) {
            try Activation.parse("tahn")
        }
        let message = ActivationError.unknownName(text: "tahn", known: Activation.catalogue.map(\.pattern)).description
        #expect(message == "Unknown activation 'tahn'. Use one of: relu, leaky_relu(s), tanh, sigmoid, elu, selu, gelu, softsign, linear.")
    }

    @Test(arguments: [
        ("leaky_relu(abc)", ActivationError.notANumber(text: "leaky_relu(abc)", argument: "abc")),
        ("leaky_relu()", .notANumber(text: "leaky_relu()", argument: "")),
        ("leaky_relu(0.1,0.2)", .notANumber(text: "leaky_relu(0.1,0.2)", argument: "0.1,0.2")),
        ("leaky_relu(inf)", .notANumber(text: "leaky_relu(inf)", argument: "inf")),
        ("leaky_relu(nan)", .notANumber(text: "leaky_relu(nan)", argument: "nan")),
        ("relu(2)", .unexpectedArguments(text: "relu(2)", name: "relu")),
        ("tanh()", .unexpectedArguments(text: "tanh()", name: "tanh")),
        ("leaky_relu(0.1", .malformed(text: "leaky_relu(0.1")),
        ("leaky_relu(0.1))", .malformed(text: "leaky_relu(0.1))")),
        ("relu)", .malformed(text: "relu)")),
        ("", .unknownName(text: "", known: Activation.catalogue.map(\.pattern))),
    ])
    func badSpecsAreRejectedWithTheirText(_ text: String, _ expected: ActivationError) {
        #expect(throws: expected) { try Activation.parse(text) }
        #expect(expected.description.contains("'\(text)'"))
    }

    // MARK: JSON

    struct Holder: Codable, Equatable {
        var hiddenActivation: Activation
    }

    @Test(arguments: catalogueWithSlopes)
    func codableIsThePlainName(_ activation: Activation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Holder(hiddenActivation: activation))
        #expect(String(decoding: data, as: UTF8.self) == "{\"hiddenActivation\":\"\(activation.name)\"}")
        #expect(try JSONDecoder().decode(Holder.self, from: data) == Holder(hiddenActivation: activation))
    }

    @Test func decodingAnUnknownNameFailsWithTheListOfNames() {
        let json = Data(#"{"hiddenActivation":"tahn"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Holder.self, from: json)
            Issue.record("decoded an unknown activation")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("tahn") && context.debugDescription.contains("softsign"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    // MARK: saturation and sign

    @Test func tanhSaturatesBeyondPointNineSeven() throws {
        let band = try #require(Activation.tanh.saturation)
        for a: Float in [0.98, -0.98, 0.999, -1] { #expect(band.isSaturated(a), "\(a)") }
        for a: Float in [0.97, -0.97, 0.96, 0, -0.5] { #expect(!band.isSaturated(a), "\(a)") }
        // tanh(3) ≈ 0.995 is saturated, tanh(1) ≈ 0.762 is not.
        #expect(band.fraction(of: apply(.tanh, [3, -3, 1, -1])) == 0.5)
    }

    @Test func sigmoidSaturatesNearZeroAndOne() throws {
        let band = try #require(Activation.sigmoid.saturation)
        for a: Float in [0.02, 0.98, 0, 1] { #expect(band.isSaturated(a), "\(a)") }
        for a: Float in [0.03, 0.97, 0.04, 0.5, 0.96] { #expect(!band.isSaturated(a), "\(a)") }
        // σ(±4) ≈ 0.018 / 0.982 saturate; σ(±2) ≈ 0.12 / 0.88 do not.
        #expect(band.fraction(of: apply(.sigmoid, [4, -4, 2, -2])) == 0.5)
        #expect(band.fraction(of: []) == 0)
    }

    @Test(arguments: catalogueWithSlopes)
    func onlyTanhAndSigmoidSaturate(_ activation: Activation) {
        #expect((activation.saturation != nil) == (activation == .tanh || activation == .sigmoid))
    }

    @Test(arguments: catalogueWithSlopes)
    func isNonNegativeMatchesTheOutputs(_ activation: Activation) {
        let outputs = apply(activation, Self.spread)
        #expect(activation.isNonNegative == outputs.allSatisfy { $0 >= 0 }, "\(activation.name): \(outputs)")
        #expect(activation.isNonNegative == (activation == .relu || activation == .sigmoid))
    }

    // MARK: training

    @Test(arguments: [Activation.tanh, .gelu, .elu, .leakyReLU(slope: 0.2)])
    func mlpTrainsWithNonReLUHiddenActivations(_ activation: Activation) {
        var rng = SeededGenerator(seed: 31)
        let net = MLP(sizes: [10, 16, 16, 3], hiddenActivation: activation)
        for l in net.layers.indices {
            let scale = 1 / Float(net.layers[l].fanIn).squareRoot()
            net.layers[l].weight = .random(rows: net.layers[l].fanOut, cols: net.layers[l].fanIn, scale: scale * 1.7, rng: &rng)
        }
        let x = Matrix.random(rows: 64, cols: 10, rng: &rng)
        let labels = (0..<64).map { _ in Int32(rng.uniformFloat() * 3) % 3 }
        var adam = Adam(layers: net.layers, learningRate: 1e-2)
        var losses: [Float] = []
        for _ in 0..<20 {
            losses.append(net.lossAndGradients(x, labels: labels))
            adam.update(&net.layers)
        }
        let first = losses[0], last = losses[losses.count - 1]
        #expect(losses.allSatisfy { $0.isFinite })
        #expect(last < 0.9 * first, "\(activation.name) losses \(losses)")
    }
}
