import Foundation
import Tensor

/// The machine a report was made on: what a reader needs to compare timings and last bits.
public struct MachineInfo: Sendable, Codable, Equatable {
    public var cpu: String
    public var logicalCores: Int
    public var operatingSystem: String
    /// OpenBLAS kernel (openblas_get_corename), e.g. "Haswell".
    public var blasCore: String
    public var blasConfiguration: String
    /// BLAS threads inside each run; runs themselves go in parallel (`jobs`).
    public var blasThreadsPerRun: Int
    public var jobs: Int

    public init(cpu: String, logicalCores: Int, operatingSystem: String, blasCore: String,
                blasConfiguration: String, blasThreadsPerRun: Int, jobs: Int) {
        self.cpu = cpu; self.logicalCores = logicalCores; self.operatingSystem = operatingSystem
        self.blasCore = blasCore; self.blasConfiguration = blasConfiguration
        self.blasThreadsPerRun = blasThreadsPerRun; self.jobs = jobs
    }

    public static func current(jobs: Int, blasThreadsPerRun: Int) -> MachineInfo {
        MachineInfo(cpu: cpuModel(), logicalCores: ProcessInfo.processInfo.activeProcessorCount,
                    operatingSystem: operatingSystemName(), blasCore: BLAS.coreName,
                    blasConfiguration: BLAS.configuration, blasThreadsPerRun: blasThreadsPerRun, jobs: jobs)
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    static func operatingSystemName() -> String {
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return ProcessInfo.processInfo.operatingSystemVersionString
    }
}
