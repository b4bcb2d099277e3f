import Probes

/// Which "unhealthy unit" share a network's hidden layers have: dead units for ReLU,
/// saturated outputs for tanh and sigmoid, and near-zero outputs for the other activations
/// (which can neither die nor saturate, but can still collapse to 0).
struct UnitHealth {
    let title: String
    /// Short form for a table header.
    let header: String
    let axisLabel: String
    let caption: String
    let value: @Sendable (LayerSnapshot) -> Double

    init(_ layers: [LayerTrace]) {
        let first = layers.first?.snapshots.first
        if first?.deadFraction != nil {
            title = "Dead units per hidden layer (never active on the probe batch)"
            header = "Dead ReLU units per layer"
            axisLabel = "share of units dead"
            caption = "A dead ReLU unit outputs 0 for every probe example, so no gradient reaches its incoming weights."
            value = { $0.deadFraction ?? .nan }
        } else if first?.saturatedFraction != nil {
            title = "Saturated outputs per hidden layer (|tanh| > 0.97, sigmoid < 0.03 or > 0.97)"
            header = "Saturated outputs per layer"
            axisLabel = "share saturated"
            caption = "A saturated unit sits on a flat tail of its activation, where the local gradient is below ~6% of its peak: it learns slowly or not at all."
            value = { $0.saturatedFraction ?? .nan }
        } else {
            title = "Near-zero activations per hidden layer (|a| < 1e-6)"
            header = "Near-zero outputs per layer"
            axisLabel = "share near zero"
            caption = "Outputs stuck at zero carry no signal forward and pass no gradient back through the product with the next layer."
            value = { $0.nearZeroFraction }
        }
    }
}
