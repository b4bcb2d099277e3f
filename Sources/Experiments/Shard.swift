/// Shard K of N of an experiment's plan (`initscope run CONFIG --shard K/N`), K from 1.
public struct Shard: Sendable, Codable, Equatable {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(ConfigError) {
        guard count >= 1, index >= 1, index <= count else {
            throw .invalid(key: "--shard", value: "\(index)/\(count)", fix: "give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, e.g. `3/8`.
    public static func parse(_ text: String) throws(ConfigError) -> Shard {
        let parts = text.filter { !$0.isWhitespace }.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalid(key: "--shard", value: "'\(text)'", fix: "give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4")
        }
        return try Shard(index: k, count: n)
    }

    /// `shard-3.json`.
    public var fileName: String { "shard-\(index).json" }
}

extension PlannedRun {
    /// Relative training cost: multiply-adds per example through the network (Σ fan_in ·
    /// fan_out), the same epochs and data for every run of a plan. Probes and BatchNorm add
    /// about the same share to every run, so they are left out.
    public func estimatedCost(inputs: Int, classes: Int) -> Double {
        let sizes = network.layerSizes(inputs: inputs, classes: classes)
        return zip(sizes, sizes.dropFirst()).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
}

extension Array where Element == PlannedRun {
    /// The indices from the most to the least costly run (ties in plan order): the order
    /// `ExperimentRunner`'s workers claim runs in, and shards are filled in.
    public func longestFirst(inputs: Int, classes: Int) -> [Int] {
        let costs = map { $0.estimatedCost(inputs: inputs, classes: classes) }
        return indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }
}

extension ExperimentPlan {
    /// Which shard (0-based) each run goes to: longest first, each to the shard with the
    /// least cost so far (ties: the lower shard, then plan order). Deterministic, so every
    /// machine computes the same split from the same config and data shape.
    public func assignment(shards: Int, inputs: Int, classes: Int) -> [Int] {
        let costs = runs.map { $0.estimatedCost(inputs: inputs, classes: classes) }
        let order = runs.longestFirst(inputs: inputs, classes: classes)
        var load = Array(repeating: 0.0, count: shards)
        var shardOf = Array(repeating: 0, count: runs.count)
        for index in order {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 } ?? 0
            shardOf[index] = target
            load[target] += costs[index]
        }
        return shardOf
    }

    /// The runs of `shard`, in plan order.
    public func runs(in shard: Shard, inputs: Int, classes: Int) -> [PlannedRun] {
        let shardOf = assignment(shards: shard.count, inputs: inputs, classes: classes)
        return runs.indices.filter { shardOf[$0] == shard.index - 1 }.map { runs[$0] }
    }
}
