// swift-tools-version: 6.0
import PackageDescription

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
            resources: [.copy("Resources/us-japan-alliance.arg")]
        ),
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
