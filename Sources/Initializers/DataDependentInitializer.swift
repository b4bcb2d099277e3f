/// An initializer whose `fill` is only the first step: after the network is built, a
/// calibration loop runs a batch of real data through it and rescales each layer's weights
/// in turn until its output variance is within `tolerance` of 1, for at most `maxIterations`
/// rounds per layer (LSUV, Mishkin & Matas 2015).
///
/// The Initializers module only knows weight matrices, not networks or data: the loop lives
/// in the Network module, which recognises these schemes with `scheme as? any
/// DataDependentInitializer` and reads their settings from here.
public protocol DataDependentInitializer: Initializer {
    /// Stop rescaling a layer once |Var(output) − 1| < tolerance.
    var tolerance: Double { get }
    /// Give up on a layer after this many rescaling rounds (and report it).
    var maxIterations: Int { get }
}
