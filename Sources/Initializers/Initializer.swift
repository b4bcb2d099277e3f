import Tensor

/// A weight initialization scheme.
///
/// Weights use PyTorch's layout `(fanOut, fanIn)`: row `j` holds the incoming weights of
/// unit `j`, so `fanIn` is the number of columns. Each conformer's doc comment gives its
/// formula and its source; `formula` repeats it for reports.
public protocol Initializer: Sendable {
    /// Short name used on the command line and in configs, e.g. `he_normal`,
    /// `uniform(-0.1,0.1)`. Parsing `name` with `InitializerSpec.parse` gives the scheme back.
    var name: String { get }
    /// Label for tables and chart legends, e.g. `He normal`, `U[-0.1, 0.1)`.
    var label: String { get }
    /// The distribution as text, e.g. `N(0, 2/fan_in)`.
    var formula: String { get }
    /// Writes fresh weights into `weights` (shape `(fanOut, fanIn)`), drawing from `rng`.
    func fill(_ weights: inout Matrix, rng: inout SeededGenerator)
}

extension Initializer {
    /// A new `(fanOut, fanIn)` weight matrix drawn from this scheme.
    public func weights(fanIn: Int, fanOut: Int, rng: inout SeededGenerator) -> Matrix {
        var w = Matrix(rows: fanOut, cols: fanIn)
        fill(&w, rng: &rng)
        return w
    }
}

/// Fills every element of `weights` with uniform draws from [low, high).
func fillUniform(_ weights: inout Matrix, low: Float, high: Float, rng: inout SeededGenerator) {
    for i in 0..<weights.storage.count { weights.storage[i] = rng.uniformFloat(in: low, high) }
}

/// Fills every element of `weights` with draws from N(0, std²).
func fillNormal(_ weights: inout Matrix, std: Float, rng: inout SeededGenerator) {
    for i in 0..<weights.storage.count { weights.storage[i] = rng.normalFloat(std: std) }
}

/// Formats a parameter the way a person writes it: `0.1`, `-1`, `0.001`, `1e-05`.
func formatParameter(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}
