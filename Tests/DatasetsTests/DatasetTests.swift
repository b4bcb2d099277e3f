import Datasets
import Tensor
import Testing

@Suite struct DatasetTests {
    /// 5 examples × 3 features; row r holds r·10 + (0, 1, 2); label r % 3.
    static let data = Dataset(
        name: "tiny", source: "memory",
        features: Matrix(rows: 5, cols: 3, storage: (0..<5).flatMap { r in (0..<3).map { Float(r * 10 + $0) } }),
        labels: [0, 1, 2, 0, 1], classCount: 3)

    @Test func countsComeFromTheMatrix() {
        #expect(Self.data.count == 5 && Self.data.featureCount == 3)
    }

    @Test func gatherCopiesRowsAndLabelsInOrder() {
        let order = [9, 9, 4, 0, 4, 2]
        var batch = Matrix(rows: 5, cols: 3, repeating: -1)
        var labels: [Int32] = [7, 7, 7, 7, 7, 7, 7]
        Self.data.gather(order[2...], into: &batch, labels: &labels)   // a slice not starting at 0
        #expect(Array(batch.row(0)) == [40, 41, 42])
        #expect(Array(batch.row(1)) == [0, 1, 2])
        #expect(Array(batch.row(2)) == [40, 41, 42])
        #expect(Array(batch.row(3)) == [20, 21, 22])
        #expect(Array(batch.row(4)) == [-1, -1, -1], "rows past indices.count are left alone")
        #expect(labels == [1, 0, 1, 2])
    }

    @Test func gatherReusesTheLabelBuffer() {
        var batch = Matrix(rows: 4, cols: 3)
        var labels: [Int32] = []
        labels.reserveCapacity(4)
        let before = labels.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        for start in 0..<2 {
            Self.data.gather([start, start + 1, start + 2, start + 3][...], into: &batch, labels: &labels)
        }
        let after = labels.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        #expect(before == after)
        #expect(labels == [1, 2, 0, 1])
    }

    @Test func gatherOfNothingEmptiesTheLabels() {
        var batch = Matrix(rows: 2, cols: 3)
        var labels: [Int32] = [1, 2]
        Self.data.gather([][...], into: &batch, labels: &labels)
        #expect(labels.isEmpty)
    }

    @Test func shapeMismatchIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            _ = Dataset(name: "bad", source: "", features: Matrix(rows: 2, cols: 1), labels: [0], classCount: 2)
        }
    }
}
