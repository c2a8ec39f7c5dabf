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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "ArgumentGraph",
            dependencies: hasCaDiCaL ? ["CCaDiCaL"] : [],
            resources: [.copy("Resources/us-japan-alliance.arg")],
            swiftSettings: hasCaDiCaL ? [.define("ARGRAPH_CADICAL")] : []
        ),
        .systemLibrary(name: "CCaDiCaL", path: "Sources/CCaDiCaL"),
        .target(
            name: "ArgraphREPL",
            dependencies: ["ArgumentGraph"]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .executableTarget(
            name: "argraph",
            dependencies: [
                "ArgumentGraph",
                "ArgraphREPL",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ArgumentGraphTests",
            dependencies: ["ArgumentGraph"]
        ),
        .testTarget(name: "ArgraphREPLTests", dependencies: ["ArgraphREPL", "ArgumentGraph"]),
        .testTarget(
            name: "argraphEndToEndTests",
            dependencies: ["ArgumentGraph", "argraph"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
