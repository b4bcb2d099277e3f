import Foundation

/// `flat-loss` — after enough steps the loss has not moved from where it started, or sits
/// at ln(classes), the loss of a uniform guess: the network is not learning at all.
public struct FlatLossRule: Rule {
    public let id = "flat-loss"
    public let summary = "loss after N steps within ε of its start or of ln(classes) (chance)"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        guard run.history.divergedAtStep == nil, let trend = LossTrend(run.history),
              Double(trend.steps) >= thresholds["\(id).steps"] else { return [] }
        let epsilon = thresholds["\(id).epsilon"]
        let chance = Foundation.log(Double(max(run.classes, 2)))
        let unmoved = abs(trend.end - trend.start) <= epsilon * abs(trend.start)
        let atChance = abs(trend.end - chance) <= epsilon * chance
        guard unmoved || atChance else { return [] }
        var evidence = [Evidence("loss at the start", trend.start), Evidence("loss at the end", trend.end),
                        Evidence("ln(classes)", chance)]
        if let accuracy = run.history.finalTestAccuracy { evidence.append(Evidence("test accuracy", accuracy)) }
        let why = atChance
            ? "the loss sits at ln(\(run.classes)) = \(Wording.number(chance)), the loss of guessing every class with equal probability"
            : "the loss is within \(Wording.percent(epsilon)) of where it started"
        return [run.finding(
            id, .error, steps: 1...trend.steps, evidence: evidence, threshold: thresholds.threshold("\(id).epsilon"),
            explanation: "After \(trend.steps) steps " + why + ": the network is not learning. With identical units or zero gradients nothing the optimizer does can change that.")]
    }
}
