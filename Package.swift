// swift-tools-version: 6.0
import PackageDescription
import Foundation

// CaDiCaL is a second SAT engine for the extension semantics where its C header is installed (Debian:
// libcadical-dev); without it argraph builds and tests with its own solver only. See docs/performance.md.
let hasCaDiCaL = FileManager.default.fileExists(atPath: "/usr/include/ccadical.h")

let package = Package(
    name: "argraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ArgumentGraph", targets: ["ArgumentGraph"]),
        .library(name: "ArgraphREPL", targets: ["ArgraphREPL"]),
        .executable(name: "argraph", targets: ["argraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The library in one-way layers, each a target of its own so that the compiler refuses an upward import
        // (docs/architecture.md). The folders stay where they were: each target names its folder with `path:`.
        .target(name: "ArgumentGraphText", path: "Sources/ArgumentGraph/Text"),
        .target(
            name: "ArgumentGraphModel", dependencies: ["ArgumentGraphText", "CPrefetch"],
            path: "Sources/ArgumentGraph/Model"
        ),
        .target(
            name: "ArgumentGraphFormats", dependencies: ["ArgumentGraphText", "ArgumentGraphModel", "CPrefetch"],
            path: "Sources/ArgumentGraph/Format"
        ),
        // A header-only C wrapper for __builtin_prefetch, for the ICCMA readers and the CSR build (issue 23).
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(
            name: "ArgumentGraphAnalysis",
            dependencies: ["ArgumentGraphText", "ArgumentGraphModel"] + (hasCaDiCaL ? ["CCaDiCaL"] : []),
            path: "Sources/ArgumentGraph/Analysis",
            swiftSettings: hasCaDiCaL ? [.define("ARGRAPH_CADICAL")] : []
        ),
        .target(
            name: "ArgumentGraphGenerate", dependencies: ["ArgumentGraphModel"], path: "Sources/ArgumentGraph/Generate"),
        .target(
            name: "ArgumentGraphExport",
            dependencies: ["ArgumentGraphText", "ArgumentGraphModel", "ArgumentGraphFormats", "ArgumentGraphAnalysis"],
            path: "Sources/ArgumentGraph/Export"
        ),
        // The umbrella: re-exports every layer, so a library user writes one `import ArgumentGraph`. It also holds
        // the bundled graph, so that its resource bundle keeps its name (argraph_ArgumentGraph.resources).
        .target(
            name: "ArgumentGraph",
            dependencies: [
                "ArgumentGraphText", "ArgumentGraphModel", "ArgumentGraphFormats", "ArgumentGraphAnalysis",
                "ArgumentGraphGenerate", "ArgumentGraphExport",
            ],
            path: "Sources/ArgumentGraph",
            exclude: ["Text", "Model", "Format", "Analysis", "Generate", "Export"],
            sources: ["Umbrella"],
            resources: [.copy("Resources/us-japan-alliance.arg")]
        ),
        .systemLibrary(name: "CCaDiCaL", path: "Sources/CCaDiCaL"),
        .target(
            name: "ArgraphREPL",
            dependencies: ["ArgumentGraph"]
        ),
        .target(
            name: "ArgraphLSP",
            dependencies: ["ArgumentGraph"]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .executableTarget(
            name: "argraph",
            dependencies: [
                "ArgumentGraph",
                "ArgraphREPL",
                "ArgraphLSP",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ArgraphTestSupport", path: "Tests/ArgraphTestSupport"),
        .testTarget(
            name: "ArgumentGraphTests",
            dependencies: [
                "ArgraphTestSupport", "ArgumentGraph", "ArgumentGraphText", "ArgumentGraphModel",
                "ArgumentGraphFormats",
                "ArgumentGraphAnalysis", "ArgumentGraphGenerate", "ArgumentGraphExport",
            ]
        ),
        .testTarget(name: "ArgraphREPLTests", dependencies: ["ArgraphREPL", "ArgumentGraph", "ArgraphTestSupport"]),
        .testTarget(name: "ArgraphLSPTests", dependencies: ["ArgraphLSP", "ArgumentGraph", "ArgraphTestSupport"]),
        .testTarget(
            name: "argraphEndToEndTests",
            dependencies: ["ArgumentGraph", "argraph", "ArgraphTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
