import Testing
import Foundation
import Tensor
@testable import Network

/// The AVX kernel (where this CPU has it) against the SSE lanes and scalar tail: the same
/// parameters and moments bit for bit, with and without weight decay, for lengths around
/// the multiples of eight.
@Suite struct AdamAVXTests {
    static func run(count: Int, weightDecay: Float, allowsAVX: Bool) -> (parameters: [Float], next: [Float]) {
        var adam = Adam(learningRate: 3e-3, weightDecay: weightDecay)
        adam.allowsAVX = allowsAVX
        var rng = SeededGenerator(seed: UInt64(count))
        var parameters = (0..<count).map { _ in rng.normalFloat() }
        var next: [Float] = []
        for _ in 0..<5 {
            let gradient = (0..<count).map { _ in rng.normalFloat(std: 0.1) }
            adam.beginStep()
            adam.update(slot: 0, parameters: &parameters, gradient: gradient)
        }
        // One more step from zero parameters exposes the moments the five steps left.
        next = [Float](repeating: 0, count: count)
        adam.beginStep()
        adam.update(slot: 0, parameters: &next, gradient: [Float](repeating: 0.5, count: count))
        return (parameters, next)
    }

    @Test(arguments: [1, 7, 8, 9, 64, 1001])
    func avxAndSSELanesAgreeBitForBit(_ count: Int) {
        for decay: Float in [0, 1e-2] {
            let avx = Self.run(count: count, weightDecay: decay, allowsAVX: true)
            let sse = Self.run(count: count, weightDecay: decay, allowsAVX: false)
            #expect(avx.parameters.map(\.bitPattern) == sse.parameters.map(\.bitPattern), "count \(count), decay \(decay)")
            #expect(avx.next.map(\.bitPattern) == sse.next.map(\.bitPattern), "count \(count), decay \(decay)")
        }
    }

    @Test func theCPUCheckAgreesWithProcCPUInfo() throws {
        #if os(Linux) && arch(x86_64)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(Adam.cpuHasAVX == flags.contains("avx"))
        #endif
    }
}
