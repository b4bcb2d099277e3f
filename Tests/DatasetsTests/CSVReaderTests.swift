import Datasets
import Foundation
import Tensor
import Testing
import TestSupport

/// Files the reader accepts, and what it makes of them.
@Suite struct CSVReaderTests {
    @Test func headerIsDetectedAndLabelFirstByDefault() throws {
        let file = try CSVFiles.write("y,a,b\n1,0.5,2\n0,-1,3e2\n")
        let (train, test) = try CSVReader.load(train: file)
        #expect(test == nil)
        #expect(train.count == 2 && train.featureCount == 2)
        #expect(train.features.storage == [0.5, 2, -1, 300])
        #expect(train.labels == [1, 0])
        #expect(train.classCount == 2 && train.classNames == nil)
        #expect(train.name == "data" && train.source == file.path)
    }

    @Test func allNumericFirstRowIsData() throws {
        let file = try CSVFiles.write("0,1.5,2\n1,3,4\n")
        let (train, _) = try CSVReader.load(train: file)
        #expect(train.count == 2 && train.labels == [0, 1])
    }

    @Test func headerFlagOverridesDetection() throws {
        // pandas writes integer column names: they look like data.
        let file = try CSVFiles.write("0,1,2\n1,5,6\n0,7,8\n")
        #expect(try CSVReader.load(train: file, header: true).train.count == 2)
        #expect(try CSVReader.load(train: file, header: false).train.count == 3)
    }

    @Test func labelLastByNegativeIndex() throws {
        let file = try CSVFiles.write("1,2,0\n3,4,2\n")
        let (train, _) = try CSVReader.load(train: file, labelColumn: .index(-1))
        #expect(train.features.storage == [1, 2, 3, 4])
        #expect(train.labels == [0, 2] && train.classCount == 3)
    }

    @Test func labelInTheMiddleByIndex() throws {
        let file = try CSVFiles.write("1,0,2\n3,1,4\n")
        let (train, _) = try CSVReader.load(train: file, labelColumn: .index(1))
        #expect(train.features.storage == [1, 2, 3, 4] && train.labels == [0, 1])
    }

    @Test func labelByHeaderName() throws {
        let file = try CSVFiles.write("a,class,b\n1,1,2\n3,0,4\n")
        let (train, _) = try CSVReader.load(train: file, labelColumn: .name("class"))
        #expect(train.features.storage == [1, 2, 3, 4] && train.labels == [1, 0])
    }

    @Test func quotedFieldsCommasAndDoubledQuotes() throws {
        let file = try CSVFiles.write("\"a, \"\"x\"\"\",\"b\nc\",label\n\"1.5\", 2 ,1\n  \"3\"  ,4,0\n")
        let (train, _) = try CSVReader.load(train: file, labelColumn: .index(-1))
        #expect(train.features.storage == [1.5, 2, 3, 4] && train.labels == [1, 0])
    }

    @Test func crlfBomBlankLinesAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("label,x\r\n1,2\r\n\r\n0,3\r\n2,4".utf8)
        let (train, _) = try CSVReader.load(train: try CSVFiles.write(bytes))
        #expect(train.features.storage == [2, 3, 4] && train.labels == [1, 0, 2])
    }

    @Test func wholeNumberLabelsMayBeWrittenAsFloats() throws {
        let file = try CSVFiles.write("1.0,5\n0e0,6\n")
        #expect(try CSVReader.load(train: file).train.labels == [1, 0])
    }

    @Test func classCountCoversTrainAndTest() throws {
        let train = try CSVFiles.write("0,1\n1,2\n")
        let test = try CSVFiles.write("4,1\n", name: "test.csv")
        let loaded = try CSVReader.load(train: train, test: test)
        #expect(loaded.train.classCount == 5 && loaded.test?.classCount == 5)
        #expect(loaded.test?.labels == [4])
    }

    @Test func namedLabelsAreSortedAndNumbered() throws {
        let (train, _) = try CSVReader.load(train: FixturePaths.url("csv/toy-names.csv"), labelColumn: .index(-1))
        #expect(train.classNames == ["setosa", "versicolor", "virginica"])
        #expect(train.labels == [0, 1, 2, 0, 1, 2, 0, 1])
        #expect(train.count == 8 && train.featureCount == 2)
        #expect(train.features.row(0).elementsEqual([5.1, 3.5]))
        #expect(train.name == "toy-names")
    }

    @Test func namesFromTheTestFileJoinTheClasses() throws {
        let train = try CSVFiles.write("x,y\n1,cat\n2,dog\n")
        let test = try CSVFiles.write("x,y\n3,bird\n4,dog\n", name: "test.csv")
        let loaded = try CSVReader.load(train: train, test: test, labelColumn: .name("y"))
        #expect(loaded.train.classNames == ["bird", "cat", "dog"])
        #expect(loaded.train.labels == [1, 2] && loaded.test?.labels == [0, 2])
        #expect(loaded.test?.classNames == ["bird", "cat", "dog"])
    }

    @Test func testFileMayOmitTheHeader() throws {
        let train = try CSVFiles.write("label,x\n0,1\n1,2\n")
        let test = try CSVFiles.write("1,9\n", name: "test.csv")
        let loaded = try CSVReader.load(train: train, test: test, labelColumn: .name("label"))
        #expect(loaded.test?.features.storage == [9] && loaded.test?.labels == [1])
    }

    /// The committed CSV rows are the IDX subset's first rows, pixels as raw bytes.
    @Test func fashionRowsMatchTheIDXSubset() throws {
        let (train, test) = try CSVReader.load(train: FixturePaths.url("csv/fashion-mnist-train.csv"),
                                               test: FixturePaths.url("csv/fashion-mnist-test.csv"),
                                               labelColumn: .name("label"))
        let idx = try FixtureData.fashionSubset()
        #expect(train.count == 20 && train.featureCount == 784 && test?.count == 10)
        #expect(train.classCount == 10)
        #expect(train.labels == Array(idx.train.labels.prefix(20)))
        #expect(test?.labels == Array(idx.test.labels.prefix(10)))
        let scaled = train.features.storage.map { $0 / 255 }
        #expect(scaled == Array(idx.train.features.storage.prefix(20 * 784)))
    }

    /// The fast number parser against Swift's own `Float(String)` (correctly rounded).
    @Test func numbersMatchFloatFromString() throws {
        var rng = SeededGenerator(seed: 7, stream: "csv-numbers")
        var cells = ["0", "-0", "+1", ".5", "5.", "1e3", "1E-3", "-2.5e+2", "123456789012345678901234",
                     "0.000000000000000000000000000001", "3.4e38", "1.17549435e-38", "1e-45",
                     "0.1", "0.3", "16777217", "9007199254740993", "1.000000059604644775390625",
                     "00012.50", "7.0e0"]
        for _ in 0..<500 {
            let value = Double(rng.normal()) * pow(10, Double(Int(rng.next() % 16)) - 8)
            cells.append(String(value))
            cells.append(String(format: "%.9g", value))
            cells.append(String(format: "%.18e", value))
        }
        let text = cells.map { "0,\($0)\n1,\($0)\n" }.joined()
        let (train, _) = try CSVReader.load(train: try CSVFiles.write(text))
        var worst = 0
        for (index, cell) in cells.enumerated() {
            let expected = try #require(Float(cell), "\(cell)")
            let got = train.features.storage[2 * index]
            let ulps = abs(Int(got.bitPattern) - Int(expected.bitPattern))
            worst = max(worst, ulps)
            #expect(ulps <= 1, "\(cell): \(got) vs \(expected)")
        }
        #expect(worst <= 1)
    }
}
