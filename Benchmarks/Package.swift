// swift-tools-version: 6.0
// The release-build benchmark runner, kept out of the root package so that `swift test` never builds it.
// Run it through `scripts/bench`, or: swift run -c release argraph-bench --help
import Foundation
import PackageDescription

// A path dependency is named after its folder (the worktree's name), so look that name up.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "argraph-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "argraph-bench",
            dependencies: [
                .product(name: "ArgumentGraph", package: root.lastPathComponent),
                .product(name: "ArgraphREPL", package: root.lastPathComponent),
            ],
            path: "Sources/argraph-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
