import Foundation

/// Where the service executables the harness starts are: the directory of the running
/// executable (`swift test` runs the test bundle from the build's bin directory, and
/// `swift build`/`swift test` build every product there), or `CIVIL_BIN_DIR`.
///
/// The harness never builds them itself: SwiftPM holds the build directory's lock while
/// `swift test` runs, so a nested `swift build` would wait for ever.
public enum BuildProducts {
    public static let required = ["registry", "elder-care", "child-protection", "embedded-kafka"]

    public static func directory() throws -> String {
        let directory: String
        if let override = ProcessInfo.processInfo.environment["CIVIL_BIN_DIR"], !override.isEmpty {
            directory = override
        } else {
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            directory = URL(fileURLWithPath: executable).deletingLastPathComponent().path
        }
        let missing = required.filter { !FileManager.default.isExecutableFile(atPath: directory + "/" + $0) }
        guard missing.isEmpty else { throw HarnessSetupError.missingProducts(missing, directory) }
        return directory
    }
}

public enum HarnessSetupError: Error, CustomStringConvertible {
    case missingProducts([String], String)
    case timeout(String)

    public var description: String {
        switch self {
        case .missingProducts(let names, let directory):
            "\(names.joined(separator: ", ")) not built in \(directory): run `swift build` (or scripts/test) first, or set CIVIL_BIN_DIR"
        case .timeout(let what): what
        }
    }
}
