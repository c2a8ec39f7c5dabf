import Foundation

/// The graphs that ship with argraph, found wherever the binary runs from.
public enum BundledGraphs {
    /// The resource name of the default graph.
    public static let defaultName = "us-japan-alliance"

    /// The path of the bundled `us-japan-alliance.arg`, or nil when no copy can be found.
    ///
    /// Looks in the resource bundle beside the executable (as SwiftPM builds it), then in the
    /// source tree the binary was built from.
    public static func defaultGraphPath() -> String? {
        let file = defaultName + ".arg"
        var candidates: [String] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for bundle in ["argraph_ArgumentGraph.resources", "argraph_ArgumentGraph.bundle/Contents/Resources"] {
            candidates.append(exe.appendingPathComponent(bundle).appendingPathComponent(file).path)
        }
        if let procExe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let dir = URL(fileURLWithPath: procExe).deletingLastPathComponent()
            candidates.append(
                dir.appendingPathComponent("argraph_ArgumentGraph.resources").appendingPathComponent(file).path)
        }
        // Sources/ArgumentGraph/Model/BundledGraphs.swift -> repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("graphs").appendingPathComponent(file).path)
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }
}
