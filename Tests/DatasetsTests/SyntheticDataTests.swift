import Datasets
import Foundation
import Tensor
import Testing

@Suite struct SyntheticDataTests {
    static let spirals = SyntheticSource(kind: .spirals, trainExamples: 300, testExamples: 100, classes: 3, noise: 0.2)
    static let blobs = SyntheticSource(kind: .blobs, trainExamples: 401, testExamples: 99, classes: 4,
                                       features: 5, noise: 0.5)

    @Test(arguments: [spirals, blobs])
    func shapesAndNames(_ source: SyntheticSource) {
        let splits = SyntheticData.splits(source, seed: 1)
        let width = source.kind == .spirals ? 2 : source.features
        #expect(splits.train.count == source.trainExamples && splits.test.count == source.testExamples)
        #expect(splits.train.featureCount == width && splits.test.featureCount == width)
        #expect(splits.train.classCount == source.classes && splits.evaluation == .test)
        #expect(splits.train.name == "synthetic \(source.kind.rawValue)")
        #expect(splits.train.features.storage.allSatisfy { $0.isFinite })
    }

    @Test(arguments: [spirals, blobs])
    func sameSeedSameNumbersOtherSeedOthers(_ source: SyntheticSource) {
        let a = SyntheticData.splits(source, seed: 42), b = SyntheticData.splits(source, seed: 42)
        #expect(a.train.features == b.train.features && a.test.features == b.test.features)
        #expect(a.train.labels == b.train.labels)
        let c = SyntheticData.splits(source, seed: 43)
        #expect(a.train.features != c.train.features)
    }

    @Test(arguments: [spirals, blobs])
    func trainAndTestAreDifferentPoints(_ source: SyntheticSource) {
        let splits = SyntheticData.splits(source, seed: 5)
        let trainRows = Set((0..<splits.train.count).map { Array(splits.train.features.row($0)) })
        let shared = (0..<splits.test.count).filter { trainRows.contains(Array(splits.test.features.row($0))) }
        #expect(shared.isEmpty)
    }

    @Test(arguments: [spirals, blobs])
    func classesAreBalanced(_ source: SyntheticSource) {
        let splits = SyntheticData.splits(source, seed: 3)
        for split in [splits.train, splits.test] {
            var counts = [Int](repeating: 0, count: split.classCount)
            for label in split.labels { counts[Int(label)] += 1 }
            #expect(counts.max()! - counts.min()! <= 1, "\(counts)")
        }
    }

    @Test func spiralsLieRoughlyInTheUnitDisc() {
        let splits = SyntheticData.splits(Self.spirals, seed: 0)
        for i in 0..<splits.train.count {
            let x = splits.train.features[i, 0], y = splits.train.features[i, 1]
            #expect((x * x + y * y).squareRoot() <= 1)
        }
    }

    /// Without noise, a spiral point's angle is exactly 4t + 2πk/K with t its radius.
    @Test func noiselessSpiralsFollowTheFormula() {
        var rng = SeededGenerator(seed: 9)
        let (features, labels) = SyntheticData.spirals(count: 60, classes: 3, noise: 0, rng: &rng)
        for i in 0..<60 {
            let x = Double(features[i, 0]), y = Double(features[i, 1])
            let t = (x * x + y * y).squareRoot()
            let theta = 4 * t + 2 * Double.pi * Double(labels[i]) / 3
            #expect(abs(x - t * sin(theta)) < 1e-5 && abs(y - t * cos(theta)) < 1e-5)
        }
    }

    /// Blob points scatter around their class centre with the noise as standard deviation.
    @Test func blobsScatterAroundTheirCentres() {
        let source = SyntheticSource(kind: .blobs, trainExamples: 6000, testExamples: 10, classes: 3,
                                     features: 4, noise: 0.5)
        let centres = SyntheticData.blobCentres(classes: 3, features: 4, seed: 11)
        let train = SyntheticData.splits(source, seed: 11).train
        var sum = 0.0, squares = 0.0
        for i in 0..<train.count {
            for j in 0..<4 {
                let d = Double(train.features[i, j] - centres[Int(train.labels[i]), j])
                sum += d
                squares += d * d
            }
        }
        let n = Double(train.count * 4)
        #expect(abs(sum / n) < 0.02)
        #expect(abs((squares / n).squareRoot() - 0.5) < 0.02)
    }
}
