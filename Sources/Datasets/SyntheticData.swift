import Foundation
import Tensor

/// Labelled point clouds generated from a seed: quick demos that need no files.
///
/// Deterministic: the same `SyntheticSource` and seed give the same numbers on every machine
/// (`SeededGenerator` streams "data-synthetic-train", "data-synthetic-test" and, for blob
/// centres, "data-synthetic-centres"). Train and test come from different streams, so they
/// are different points of the same distribution. Classes are balanced and interleaved:
/// example `i` belongs to class `i % classes`.
public enum SyntheticData {
    /// Stream names, so other modules never draw from the same ones.
    public static let trainStream = "data-synthetic-train"
    public static let testStream = "data-synthetic-test"
    public static let centresStream = "data-synthetic-centres"

    /// Both splits; `settings` must have passed `DataSettings.validate()`.
    public static func splits(_ settings: SyntheticSource, seed: UInt64) -> DatasetSplits {
        let name = "synthetic \(settings.kind.rawValue)"
        let source = "synthetic \(settings.kind.rawValue): \(settings.classes) classes, "
            + "\(settings.kind == .spirals ? 2 : settings.features) features, noise \(settings.noise), seed \(seed)"
        let centres = settings.kind == .blobs
            ? blobCentres(classes: settings.classes, features: settings.features, seed: seed) : nil
        func split(_ count: Int, _ stream: String) -> Dataset {
            var rng = SeededGenerator(seed: seed, stream: stream)
            let (features, labels): (Matrix, [Int32])
            if let centres {
                (features, labels) = blobs(count: count, centres: centres, noise: settings.noise, rng: &rng)
            } else {
                (features, labels) = spirals(count: count, classes: settings.classes, noise: settings.noise, rng: &rng)
            }
            return Dataset(name: name, source: source, features: features, labels: labels,
                           classCount: settings.classes)
        }
        return DatasetSplits(train: split(settings.trainExamples, trainStream),
                             test: split(settings.testExamples, testStream))
    }

    /// CS231n's spiral arms in 2-D. Class k's point at t ~ U[0, 1): radius r = t, angle
    /// θ = 4t + 2πk/K + noise·N(0, 1); the point is (r sin θ, r cos θ), inside the unit disc
    /// before the jitter moves it along its circle.
    public static func spirals(count: Int, classes: Int, noise: Double,
                               rng: inout SeededGenerator) -> (features: Matrix, labels: [Int32]) {
        precondition(count >= 0 && classes >= 1, "spirals: count \(count), classes \(classes)")
        var features = Matrix(rows: count, cols: 2)
        var labels = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let k = i % classes
            let t = rng.uniformDouble()
            let theta = 4 * t + 2 * Double.pi * Double(k) / Double(classes) + noise * rng.normal()
            features[i, 0] = Float(t * sin(theta))
            features[i, 1] = Float(t * cos(theta))
            labels[i] = Int32(k)
        }
        return (features, labels)
    }

    /// Class centres for blobs: each coordinate N(0, 3²), drawn from the seed's
    /// "data-synthetic-centres" stream (shared by train and test).
    public static func blobCentres(classes: Int, features: Int, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed, stream: centresStream)
        var centres = Matrix(rows: classes, cols: features)
        for index in 0..<centres.count { centres.storage[index] = Float(3 * rng.normal()) }
        return centres
    }

    /// Isotropic Gaussian blobs: class k's points are centre k + noise·N(0, I).
    public static func blobs(count: Int, centres: Matrix, noise: Double,
                             rng: inout SeededGenerator) -> (features: Matrix, labels: [Int32]) {
        precondition(count >= 0 && centres.rows >= 1, "blobs: count \(count), \(centres.rows) centres")
        let width = centres.cols
        var features = Matrix(rows: count, cols: width)
        var labels = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let k = i % centres.rows
            for j in 0..<width {
                features[i, j] = centres[k, j] + Float(noise * rng.normal())
            }
            labels[i] = Int32(k)
        }
        return (features, labels)
    }
}
