import Network

/// The `network:` and `training:` sections.
extension ConfigReader {
    func network(_ node: ConfigNode?) throws(ConfigError) -> NetworkSettings {
        var network = NetworkSettings(hiddenSizes: Defaults.hiddenSizes, hiddenActivation: Defaults.activation)
        guard let node else { return network }
        let section = try node.mapping(known: ConfigKeys.network, example: "network: {hidden_sizes: [256, 128], activation: relu}")
        if let sizes = section["hidden_sizes"] { network.hiddenSizes = try hiddenSizes(sizes) }
        if let activation = section["activation"] { network.hiddenActivation = try self.activation(activation) }
        if let batchNorm = section["batch_norm"] { network.batchNorm = try batchNorm.bool(example: "batch_norm: true") }
        if let dropout = section["dropout"] { network.dropout = try self.dropout(dropout) }
        if let bias = section["bias_init"] { network.biasInit = try biasInit(bias) }
        return network
    }

    func hiddenSizes(_ node: ConfigNode) throws(ConfigError) -> [Int] {
        var widths: [Int] = []
        for element in try node.list(example: "hidden_sizes: [256, 128]") {
            widths.append(try element.int(example: "hidden_sizes: [256, 128]",
                                          fix: "every width must be 1 or more, e.g. hidden_sizes: [256, 128]", valid: { $0 >= 1 }))
        }
        return widths
    }

    func activation(_ node: ConfigNode) throws(ConfigError) -> Activation {
        let text = try node.text(example: "activation: relu")
        do { return try Activation.parse(text) } catch {
            var hint = ""
            if case .unknownName = error {
                let names = Activation.catalogue.map { String($0.pattern.prefix { $0 != "(" }) }
                hint = KeySuggestion.didYouMean(String(text.prefix { $0 != "(" }), among: names)
            }
            throw node.error("\(node.keyPath) = \(text): \(error.description)\(hint)")
        }
    }

    func dropout(_ node: ConfigNode) throws(ConfigError) -> Double {
        try node.double(example: "dropout: 0.5", fix: "use a probability in [0, 1), e.g. 0.5 (0 turns dropout off)",
                        valid: { $0 >= 0 && $0 < 1 })
    }

    /// `zeros` or `constant(c)`, written back in one spelling (`constant(0.01)`).
    func biasInit(_ node: ConfigNode) throws(ConfigError) -> String {
        let text = try node.text(example: "bias_init: zeros")
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        if compact == "zeros" || compact == "zero" { return "zeros" }
        if compact.hasPrefix("constant("), compact.hasSuffix(")"),
           let value = Double(compact.dropFirst("constant(".count).dropLast()), value.isFinite {
            return "constant(\(value))"
        }
        throw node.error("\(node.keyPath) = \(text) is invalid: use zeros or constant(c) with a number c, e.g. constant(0.01).")
    }

    /// The optimizer with its settings, batch size and epochs.
    func training(_ node: ConfigNode?) throws(ConfigError) -> (settings: OptimizerSettings, batchSize: Int, epochs: Int) {
        let defaults = (OptimizerSettings.adam(learningRate: Defaults.learningRate), Defaults.batchSize, Defaults.epochs)
        guard let node else { return defaults }
        let section = try node.mapping(known: ConfigKeys.training, example: "training: {optimizer: adam, learning_rate: 0.001}")
        let kinds = OptimizerSettings.Kind.allCases.map(\.rawValue)
        var kind = OptimizerSettings.Kind.adam
        if let optimizer = section["optimizer"] {
            kind = OptimizerSettings.Kind(rawValue: try optimizer.choice(kinds, example: "optimizer: adam")) ?? .adam
        }
        try section.allowOnly(ConfigKeys.trainingKeys(for: kind)) { key in
            let owners = OptimizerSettings.Kind.allCases.filter { ConfigKeys.trainingKeys(for: $0).contains(key) }.map(\.rawValue)
            return "training.\(key) does not apply to optimizer: \(kind.rawValue); it is read by optimizer: "
                + "\(owners.joined(separator: " or ")). Remove it, or set optimizer: \(owners.first ?? "adam")."
        }
        var settings = OptimizerSettings(kind: kind, learningRate: Defaults.learningRate)
        if let rate = section["learning_rate"] {
            settings.learningRate = try rate.double(example: "learning_rate: 0.001", fix: "use a positive number such as 0.001",
                                                    valid: { $0 > 0 })
        }
        if let momentum = section["momentum"] {
            settings.momentum = try momentum.double(example: "momentum: 0.9", fix: "use a decay in [0, 1), e.g. 0.9",
                                                    valid: { $0 >= 0 && $0 < 1 })
        }
        if let nesterov = section["nesterov"] { settings.nesterov = try nesterov.bool(example: "nesterov: true") }
        if let beta1 = section["beta1"] {
            settings.beta1 = try beta1.double(example: "beta1: 0.9", fix: "use a decay in [0, 1), e.g. 0.9", valid: { $0 >= 0 && $0 < 1 })
        }
        if let beta2 = section["beta2"] {
            settings.beta2 = try beta2.double(example: "beta2: 0.999", fix: "use a decay in [0, 1), e.g. 0.999",
                                              valid: { $0 >= 0 && $0 < 1 })
        }
        if let epsilon = section["epsilon"] {
            settings.epsilon = try epsilon.double(example: "epsilon: 1.0e-8", fix: "use a small positive number such as 1.0e-8",
                                                  valid: { $0 > 0 })
        }
        if let decay = section["weight_decay"] {
            settings.weightDecay = try decay.double(example: "weight_decay: 0.0001", fix: "use 0 (off) or a positive number such as 0.0001",
                                                    valid: { $0 >= 0 })
        }
        let batchSize = try section["batch_size"]?.int(example: "batch_size: 128", fix: "use 1 or more, e.g. 128",
                                                       valid: { $0 >= 1 }) ?? Defaults.batchSize
        let epochs = try section["epochs"]?.int(example: "epochs: 2", fix: "use 1 or more, e.g. 2",
                                                valid: { $0 >= 1 }) ?? Defaults.epochs
        return (settings, batchSize, epochs)
    }
}
