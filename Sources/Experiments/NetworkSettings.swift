import Network

/// The network one run trains, fully resolved: the config's base network with a variant's
/// overrides applied. Stored per run in metrics.json.
public struct NetworkSettings: Sendable, Codable, Equatable {
    /// Widths of the hidden layers, input side first, e.g. [256, 128].
    public var hiddenSizes: [Int]
    public var hiddenActivation: Activation
    /// BatchNorm after each hidden dense layer, before its activation (Ioffe & Szegedy 2015).
    public var batchNorm: Bool
    /// Probability of zeroing each hidden activation while training (inverted dropout); 0 = off.
    public var dropout: Double
    /// Bias initializer spec: `zeros` or `constant(c)`.
    public var biasInit: String

    public init(hiddenSizes: [Int], hiddenActivation: Activation, batchNorm: Bool = false, dropout: Double = 0,
                biasInit: String = "zeros") {
        self.hiddenSizes = hiddenSizes
        self.hiddenActivation = hiddenActivation
        self.batchNorm = batchNorm
        self.dropout = dropout
        self.biasInit = biasInit
    }

    /// Layer widths for data with `inputs` features and `classes` classes.
    public func layerSizes(inputs: Int, classes: Int) -> [Int] {
        [inputs] + hiddenSizes + [classes]
    }
}

/// A named change to the base network, so one config compares e.g. the same initializers
/// with and without BatchNorm, or at several depths. Unset fields keep the base value.
public struct NetworkVariant: Sendable, Codable, Equatable {
    /// Short name used in run ids (`he_normal@bn#seed0`) and legends; letters, digits, `-`, `_`.
    public var name: String
    public var hiddenSizes: [Int]?
    public var hiddenActivation: Activation?
    public var batchNorm: Bool?
    public var dropout: Double?

    public init(name: String, hiddenSizes: [Int]? = nil, hiddenActivation: Activation? = nil,
                batchNorm: Bool? = nil, dropout: Double? = nil) {
        self.name = name
        self.hiddenSizes = hiddenSizes
        self.hiddenActivation = hiddenActivation
        self.batchNorm = batchNorm
        self.dropout = dropout
    }

    /// `base` with this variant's overrides.
    public func applied(to base: NetworkSettings) -> NetworkSettings {
        var network = base
        if let hiddenSizes { network.hiddenSizes = hiddenSizes }
        if let hiddenActivation { network.hiddenActivation = hiddenActivation }
        if let batchNorm { network.batchNorm = batchNorm }
        if let dropout { network.dropout = dropout }
        return network
    }
}
